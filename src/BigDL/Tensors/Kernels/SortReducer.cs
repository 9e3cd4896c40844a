using System.Buffers;
using System.Numerics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// Sorts each slice along the reduced dimension and writes its first <paramref name="k"/> entries, in order
/// (or, unless <paramref name="sorted"/>, in their order along the slice), into <paramref name="values"/>
/// and 0-based <paramref name="indices"/>: contiguous outputs whose dimension has size k.
/// <paramref name="inner"/> is the number of elements after that dimension.
/// </summary>
/// <remarks>
/// The order is by <see cref="SortKey"/> and then by position, so equal values (−0 and +0 included) keep
/// their order and NaN sorts above every number. Slices are sorted with a stable radix sort on the keys;
/// a small k out of a long slice is first selected with a bounded heap.
/// </remarks>
internal readonly struct SortReducer<T>(T[] values, T[] indices, int k, int inner, bool descending, bool sorted) : IDimReducer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Lane(T[] data, int offset, int stride, int length, int output)
    {
        if (k == 0) return;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(2 * length);
        int[] order = ArrayPool<int>.Shared.Rent(2 * length);
        try
        {
            for (int i = 0; i < length; i++) keys[i] = SortKey.Of(data[offset + i * stride], descending);
            var scratchKeys = keys.AsSpan(length, length);
            var scratchOrder = order.AsSpan(length, length);
            Span<int> selected;
            if ((long)k * 8 >= length)
            {
                for (int i = 0; i < length; i++) order[i] = i;
                SortKey.StableSort(keys.AsSpan(0, length), order.AsSpan(0, length), scratchKeys, scratchOrder);
                selected = order.AsSpan(0, k);
            }
            else
            {
                selected = order.AsSpan(0, k);
                SelectSmallest(keys, length, selected);
                selected.Sort();  // position order, which the stable sort then keeps among equal keys
                var selectedKeys = scratchKeys[..k];
                for (int j = 0; j < k; j++) selectedKeys[j] = keys[selected[j]];
                SortKey.StableSort(selectedKeys, selected, keys.AsSpan(0, k), scratchOrder[..k]);
            }
            if (!sorted) selected.Sort();
            int first = output / inner * k * inner + output % inner;
            for (int j = 0; j < k; j++)
            {
                values[first + j * inner] = data[offset + selected[j] * stride];
                indices[first + j * inner] = T.CreateTruncating(selected[j]);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    public void Columns(T[] data, int offset, int rowStride, int rows, int width, int output)
    {
        for (int j = 0; j < width; j++) Lane(data, offset + j, rowStride, rows, output + j);
    }

    /// <summary>Fills <paramref name="heap"/> with the positions of the heap.Length first elements by (key, position), unordered.</summary>
    private static void SelectSmallest(ulong[] keys, int length, Span<int> heap)
    {
        // A max-heap whose root is the worst position kept so far.
        for (int i = 0; i < heap.Length; i++) heap[i] = i;
        for (int i = heap.Length / 2 - 1; i >= 0; i--) SiftDown(keys, heap, i);
        for (int i = heap.Length; i < length; i++)
        {
            if (!Before(keys, i, heap[0])) continue;
            heap[0] = i;
            SiftDown(keys, heap, 0);
        }
    }

    private static void SiftDown(ulong[] keys, Span<int> heap, int i)
    {
        while (true)
        {
            int left = 2 * i + 1, worst = i;
            if (left < heap.Length && Before(keys, heap[worst], heap[left])) worst = left;
            if (left + 1 < heap.Length && Before(keys, heap[worst], heap[left + 1])) worst = left + 1;
            if (worst == i) return;
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <summary>True when position <paramref name="a"/> comes before position <paramref name="b"/>.</summary>
    private static bool Before(ulong[] keys, int a, int b) => keys[a] < keys[b] || (keys[a] == keys[b] && a < b);
}
