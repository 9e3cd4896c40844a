using System.Buffers;
using System.Numerics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// The total order used by sort and top-k on the positions of one slice: by value (ascending, or descending
/// when <paramref name="descending"/>), NaN above every number, and equal values (−0 and +0 included) by
/// position, which makes any sort stable.
/// </summary>
internal readonly struct SliceOrder<T>(T[] keys, bool descending) : IComparer<int> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Compare(int a, int b)
    {
        T x = keys[a], y = keys[b];
        int c;
        if (x < y) c = -1;
        else if (x > y) c = 1;
        else
        {
            bool nx = T.IsNaN(x), ny = T.IsNaN(y);
            c = nx == ny ? 0 : nx ? 1 : -1;
        }
        if (descending) c = -c;
        return c != 0 ? c : a.CompareTo(b);
    }
}

/// <summary>
/// Sorts each slice along the reduced dimension and writes its first <paramref name="k"/> entries in
/// <see cref="SliceOrder{T}"/> order (or, unless <paramref name="sorted"/>, in their order along the slice)
/// into <paramref name="values"/> and 0-based <paramref name="indices"/>: contiguous outputs whose dimension
/// has size k. <paramref name="inner"/> is the number of elements after that dimension.
/// </summary>
internal readonly struct SortReducer<T>(T[] values, T[] indices, int k, int inner, bool descending, bool sorted) : IDimReducer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Lane(T[] data, int offset, int stride, int length, int output)
    {
        if (k == 0) return;
        var pool = ArrayPool<int>.Shared;
        T[] keys = ArrayPool<T>.Shared.Rent(length);
        int[] order = pool.Rent(length);
        try
        {
            for (int i = 0; i < length; i++) keys[i] = data[offset + i * stride];
            var compare = new SliceOrder<T>(keys, descending);
            var selected = order.AsSpan(0, k);
            if ((long)k * 8 >= length)
            {
                for (int i = 0; i < length; i++) order[i] = i;
                order.AsSpan(0, length).Sort(compare);
            }
            else
            {
                SelectSmallest(selected, length, compare);
                selected.Sort(compare);
            }
            if (!sorted) selected.Sort();
            int first = output / inner * k * inner + output % inner;
            for (int j = 0; j < k; j++)
            {
                values[first + j * inner] = keys[selected[j]];
                indices[first + j * inner] = T.CreateTruncating(selected[j]);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(keys);
            pool.Return(order);
        }
    }

    public void Columns(T[] data, int offset, int rowStride, int rows, int width, int output)
    {
        for (int j = 0; j < width; j++) Lane(data, offset + j, rowStride, rows, output + j);
    }

    /// <summary>Fills <paramref name="heap"/> with the positions of the heap.Length first elements in <paramref name="compare"/> order (unsorted).</summary>
    private static void SelectSmallest(Span<int> heap, int length, SliceOrder<T> compare)
    {
        // A max-heap whose root is the worst position kept so far.
        for (int i = 0; i < heap.Length; i++) heap[i] = i;
        for (int i = heap.Length / 2 - 1; i >= 0; i--) SiftDown(heap, i, compare);
        for (int i = heap.Length; i < length; i++)
        {
            if (compare.Compare(i, heap[0]) >= 0) continue;
            heap[0] = i;
            SiftDown(heap, 0, compare);
        }
    }

    private static void SiftDown(Span<int> heap, int i, SliceOrder<T> compare)
    {
        while (true)
        {
            int left = 2 * i + 1, worst = i;
            if (left < heap.Length && compare.Compare(heap[left], heap[worst]) > 0) worst = left;
            if (left + 1 < heap.Length && compare.Compare(heap[left + 1], heap[worst]) > 0) worst = left + 1;
            if (worst == i) return;
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
