using System.Numerics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// Reduces the slices of one tensor along one dimension; output position o is the o-th slice in row-major order
/// of the other dimensions (the position in a contiguous output where the reduced dimension has size 1).
/// </summary>
internal interface IDimReducer<T>
{
    /// <summary>Reduces the <paramref name="length"/> elements <c>data[offset + k·stride]</c> into output <paramref name="output"/>.</summary>
    void Lane(T[] data, int offset, int stride, int length, int output);

    /// <summary>
    /// Reduces <paramref name="width"/> neighbouring outputs starting at <paramref name="output"/>; output
    /// <c>output + j</c> reduces <c>data[offset + k·rowStride + j]</c> for k in [0, rows). Each output must be
    /// reduced exactly as <see cref="Lane"/> would reduce it with a stride other than 1.
    /// </summary>
    void Columns(T[] data, int offset, int rowStride, int rows, int width, int output);
}

/// <summary>
/// Drives an <see cref="IDimReducer{T}"/> over every slice of a tensor along one dimension, without copying.
/// Slices whose elements are contiguous go to <see cref="IDimReducer{T}.Lane"/> with stride 1 (the rows fast
/// path); neighbouring slices whose elements are contiguous across slices go to
/// <see cref="IDimReducer{T}.Columns"/>; anything else goes lane by lane with strides. The path depends only
/// on the layout, and large work is split over the outputs, each output reduced whole by one thread, so the
/// results do not depend on <see cref="Engine.CoreNumber"/>.
/// </summary>
internal static class DimReduction
{
    /// <summary>Outputs handed to one <see cref="IDimReducer{T}.Columns"/> call (keeps its accumulators in L1).</summary>
    internal const int ColumnChunk = 256;

    public static void Run<T, TReducer>(Tensor<T> source, int dim, TReducer reducer)
        where T : unmanaged, IFloatingPointIeee754<T> where TReducer : struct, IDimReducer<T>
    {
        var kept = (int[])source.Sizes.Clone();
        kept[dim] = 1;
        var layout = new RunLayout(kept, (0, Shape.ContiguousStrides(kept)), (source.Offset, source.Strides));
        int outputs = layout.Count;
        if (outputs == 0) return;
        if (source.Sizes[dim] == 0)
        {
            // Empty slices: nothing to read (and offsets past an empty storage must not be formed).
            for (int o = 0; o < outputs; o++) reducer.Lane(source.Data, 0, 1, 0, o);
            return;
        }
        var job = new Job<T, TReducer>(reducer, layout, source.Data, source.Sizes[dim], source.Strides[dim]);
        int threads = Engine.CoreNumber;
        long work = (long)outputs * Math.Max(1, source.Sizes[dim]);
        if (threads <= 1 || outputs < 2 || work < ElementWalk.ParallelThreshold)
        {
            job.Outputs(0, outputs);
            return;
        }
        int chunks = Math.Min(outputs, threads * 4);
        Engine.For(chunks, c =>
            job.Outputs((int)((long)outputs * c / chunks), (int)((long)outputs * (c + 1) / chunks)));
    }

    private sealed class Job<T, TReducer>(TReducer reducer, RunLayout layout, T[] data, int length, int stride)
        where T : unmanaged, IFloatingPointIeee754<T> where TReducer : struct, IDimReducer<T>
    {
        /// <summary>Reduces outputs [from, to) in row-major order.</summary>
        public void Outputs(int from, int to)
        {
            int runLength = layout.RunLength;
            int run = from / runLength, j = from % runLength;
            Span<int> counter = stackalloc int[layout.OuterDims];
            Span<int> offsets = stackalloc int[2];
            layout.CounterOf(run, counter);
            layout.RunStart(run, offsets);
            int inner = layout.InnerStrides[1];
            bool columns = inner == 1 && (stride != 1 || length == 1);
            while (from < to)
            {
                int end = Math.Min(runLength, j + (to - from));
                int input = offsets[1] + j * inner, output = offsets[0] + j;
                if (columns)
                {
                    for (int c = 0; c < end - j; c += ColumnChunk)
                        reducer.Columns(data, input + c, stride, length, Math.Min(ColumnChunk, end - j - c), output + c);
                }
                else
                {
                    for (int c = 0; c < end - j; c++) reducer.Lane(data, input + c * inner, stride, length, output + c);
                }
                from += end - j;
                j = 0;
                if (from < to) layout.Advance(counter, offsets);
            }
        }
    }
}
