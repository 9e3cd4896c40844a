using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.Distributed.Wire;

/// <summary>
/// The 16-bit encodings that keep the top half of a binary32 value (bfloat16 rounded to nearest even, BigDL's
/// truncation) and their decoding, 32 values per step with <see cref="Vector512"/>, the tail one by one.
/// </summary>
internal static class SixteenBitKernels
{
    private static int Step => Vector512<uint>.Count * 2;

    /// <summary>bfloat16 bits of the binary32 value with <paramref name="bits"/>: rounded to nearest, ties to even; NaN quieted, sign kept.</summary>
    public static ushort ToBFloat16(uint bits)
    {
        if ((bits & 0x7FFF_FFFFu) > 0x7F80_0000u) return (ushort)((bits >> 16) | 0x0040u);
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }

    /// <summary>Writes each value's bfloat16 bits (rounded) or top 16 bits (<paramref name="truncate"/>) into <paramref name="destination"/>.</summary>
    public static void Encode(ReadOnlySpan<float> values, Span<ushort> destination, bool truncate)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        ref uint source = ref MemoryMarshal.GetReference(bits);
        ref ushort target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= bits.Length - Step; i += Step)
        {
            var low = Vector512.LoadUnsafe(ref source, (nuint)i);
            var high = Vector512.LoadUnsafe(ref source, (nuint)(i + Vector512<uint>.Count));
            var packed = truncate
                ? Vector512.Narrow(low >>> 16, high >>> 16)
                : Vector512.Narrow(BFloat16(low), BFloat16(high));
            packed.StoreUnsafe(ref target, (nuint)i);
        }
        for (; i < bits.Length; i++) destination[i] = truncate ? (ushort)(bits[i] >> 16) : ToBFloat16(bits[i]);
    }

    /// <summary>Writes each 16-bit value followed by 16 zero bits, as a binary32 value, into <paramref name="destination"/>.</summary>
    public static void Decode(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        var bits = MemoryMarshal.Cast<float, uint>(destination);
        ref ushort from = ref MemoryMarshal.GetReference(source);
        ref uint target = ref MemoryMarshal.GetReference(bits);
        int i = 0;
        for (; i <= bits.Length - Step; i += Step)
        {
            var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref from, (nuint)i));
            (low << 16).StoreUnsafe(ref target, (nuint)i);
            (high << 16).StoreUnsafe(ref target, (nuint)(i + Vector512<uint>.Count));
        }
        for (; i < bits.Length; i++) bits[i] = (uint)source[i] << 16;
    }

    private static Vector512<uint> BFloat16(Vector512<uint> bits)
    {
        var rounded = (bits + Vector512.Create(0x7FFFu) + ((bits >>> 16) & Vector512<uint>.One)) >>> 16;
        var quietNaN = (bits >>> 16) | Vector512.Create(0x0040u);
        var isNaN = Vector512.GreaterThan(bits & Vector512.Create(0x7FFF_FFFFu), Vector512.Create(0x7F80_0000u));
        return Vector512.ConditionalSelect(isNaN, quietNaN, rounded);
    }
}
