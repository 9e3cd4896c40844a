using System.Numerics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// Order-preserving unsigned keys for floating-point values, and a stable sort of (key, position) pairs.
/// Key order is numeric order with −0 equal to +0 and every NaN equal to the others and above +∞;
/// descending keys are the bitwise complement, which reverses that order.
/// </summary>
internal static class SortKey
{
    private const int InsertionLimit = 32;

    /// <summary>The key of <paramref name="value"/> (float widens to double exactly, so one mapping serves both).</summary>
    public static ulong Of<T>(T value, bool descending) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(value);
        ulong bits = double.IsNaN(d) ? 0x7FF8_0000_0000_0000UL : d == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(d);
        // Negative numbers: flip every bit (larger magnitude, smaller key); others: set the sign bit.
        ulong key = (bits >> 63) != 0 ? ~bits : bits | (1UL << 63);
        return descending ? ~key : key;
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, moving <paramref name="items"/> with them; pairs with equal
    /// keys keep their relative order. The scratch spans must be as long as the keys and not overlap them.
    /// </summary>
    public static void StableSort(Span<ulong> keys, Span<int> items, Span<ulong> scratchKeys, Span<int> scratchItems)
    {
        int n = keys.Length;
        if (n <= InsertionLimit)
        {
            InsertionSort(keys, items);
            return;
        }
        // Least-significant-digit radix sort, one byte per pass; passes where every key has the same byte are skipped.
        Span<int> counts = stackalloc int[8 * 256];
        counts.Clear();
        foreach (ulong key in keys)
            for (int b = 0; b < 8; b++) counts[b * 256 + (int)((key >> (8 * b)) & 0xFF)]++;
        Span<ulong> fromKeys = keys, toKeys = scratchKeys;
        Span<int> fromItems = items, toItems = scratchItems;
        for (int b = 0; b < 8; b++)
        {
            var count = counts.Slice(b * 256, 256);
            int shift = 8 * b;
            if (count[(int)((fromKeys[0] >> shift) & 0xFF)] == n) continue;
            int next = 0;
            for (int digit = 0; digit < 256; digit++)
            {
                int c = count[digit];
                count[digit] = next;
                next += c;
            }
            for (int i = 0; i < n; i++)
            {
                int slot = count[(int)((fromKeys[i] >> shift) & 0xFF)]++;
                toKeys[slot] = fromKeys[i];
                toItems[slot] = fromItems[i];
            }
            var k = fromKeys;
            fromKeys = toKeys;
            toKeys = k;
            var it = fromItems;
            fromItems = toItems;
            toItems = it;
        }
        if (fromKeys != keys)
        {
            fromKeys.CopyTo(keys);
            fromItems.CopyTo(items);
        }
    }

    private static void InsertionSort(Span<ulong> keys, Span<int> items)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong key = keys[i];
            int item = items[i], j = i - 1;
            for (; j >= 0 && keys[j] > key; j--)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
            }
            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }
}
