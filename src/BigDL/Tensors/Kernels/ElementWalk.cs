using System.Buffers;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// The one driver of element-wise work: covers same-shaped tensors with runs (<see cref="RunLayout"/>), hands
/// dense runs straight to a span action, gathers strided runs into pooled buffers (and scatters the destination
/// back), and splits large work across <see cref="Engine.CoreNumber"/> threads.
/// </summary>
internal static class ElementWalk
{
    /// <summary>Element count from which work is split across the Engine's threads.</summary>
    internal const int ParallelThreshold = 1 << 16;

    private const int GatherChunk = 1024;

    public static void Run<T, TAction>(Tensor<T> destination, TAction action)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TAction : struct, ISpanAction<T>
        => Drive<T, Arity1<T, TAction>>(new(action), destination, null, null, null, typeof(TAction).IsAssignableTo(typeof(ISequentialAction)));

    public static void Run<T, TAction>(Tensor<T> destination, Tensor<T> x, TAction action)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TAction : struct, ISpanAction2<T>
        => Drive<T, Arity2<T, TAction>>(new(action), destination, x, null, null, typeof(TAction).IsAssignableTo(typeof(ISequentialAction)));

    public static void Run<T, TAction>(Tensor<T> destination, Tensor<T> x, Tensor<T> y, TAction action)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TAction : struct, ISpanAction3<T>
        => Drive<T, Arity3<T, TAction>>(new(action), destination, x, y, null, typeof(TAction).IsAssignableTo(typeof(ISequentialAction)));

    public static void Run<T, TAction>(Tensor<T> destination, Tensor<T> x, Tensor<T> y, Tensor<T> z, TAction action)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TAction : struct, ISpanAction4<T>
        => Drive<T, Arity4<T, TAction>>(new(action), destination, x, y, z, typeof(TAction).IsAssignableTo(typeof(ISequentialAction)));

    /// <summary>Visits the runs of <paramref name="source"/> in row-major order on the calling thread.</summary>
    public static void Visit<T, TVisitor>(Tensor<T> source, ref TVisitor visitor)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TVisitor : struct, IRunVisitor<T>
    {
        if (source.IsEmpty) return;
        var layout = new RunLayout(source.Sizes, (source.Offset, source.Strides));
        var data = source.Data;
        int stride = layout.InnerStrides[0];
        Span<int> counter = stackalloc int[layout.OuterDims];
        Span<int> offset = stackalloc int[1];
        layout.RunStart(0, offset);
        T[]? buffer = stride == 1 ? null : ArrayPool<T>.Shared.Rent(Math.Min(layout.RunLength, GatherChunk));
        try
        {
            for (int r = 0; r < layout.RunCount; r++)
            {
                if (buffer is null) visitor.Visit(data.AsSpan(offset[0], layout.RunLength));
                else
                {
                    for (int start = 0; start < layout.RunLength; start += GatherChunk)
                    {
                        int len = Math.Min(GatherChunk, layout.RunLength - start);
                        Gather(data, offset[0] + start * stride, stride, buffer.AsSpan(0, len));
                        visitor.Visit(buffer.AsSpan(0, len));
                    }
                }
                layout.Advance(counter, offset);
            }
        }
        finally
        {
            if (buffer is not null) ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static void Drive<T, TOp>(TOp op, Tensor<T> d, Tensor<T>? x, Tensor<T>? y, Tensor<T>? z, bool sequential)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TOp : struct, IOperands<T>
    {
        var operands = new List<(int, int[])> { (d.Offset, d.Strides) };
        var data = new List<T[]> { d.Data };
        foreach (var t in new[] { x, y, z })
        {
            if (t is null) break;
            if (!t.IsSameSizeAs(d))
                throw new ArgumentException($"element-wise operands must have the same size: destination {Shape.Format(d.Sizes)} vs operand {Shape.Format(t.Sizes)}");
            operands.Add((t.Offset, t.Strides));
            data.Add(t.Data);
        }
        if (d.IsEmpty) return;
        var layout = new RunLayout(d.Sizes, [.. operands]);
        var job = new Job<T, TOp>(op, layout, [.. data]);
        int threads = Engine.CoreNumber;
        if (sequential || threads <= 1 || layout.Count < ParallelThreshold) { job.Runs(0, layout.RunCount); return; }
        if (layout.RunCount >= threads)
        {
            int chunks = Math.Min(layout.RunCount, threads * 4);
            Engine.For(chunks, c =>
                job.Runs((int)((long)layout.RunCount * c / chunks), (int)((long)layout.RunCount * (c + 1) / chunks)));
            return;
        }
        for (int r = 0; r < layout.RunCount; r++)
        {
            int chunks = threads * 4;
            int run = r;
            Engine.For(chunks, c =>
            {
                int from = (int)((long)layout.RunLength * c / chunks), to = (int)((long)layout.RunLength * (c + 1) / chunks);
                job.Part(run, from, to - from);
            });
        }
    }

    private static void Gather<T>(T[] data, int offset, int stride, Span<T> into)
    {
        for (int i = 0; i < into.Length; i++) into[i] = data[offset + i * stride];
    }

    private static void Scatter<T>(ReadOnlySpan<T> from, T[] data, int offset, int stride)
    {
        for (int i = 0; i < from.Length; i++) data[offset + i * stride] = from[i];
    }

    /// <summary>A run (or part of one) of the operands: positions, strides, length.</summary>
    private sealed class Job<T, TOp>(TOp op, RunLayout layout, T[][] data)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> where TOp : struct, IOperands<T>
    {
        public void Runs(int from, int to)
        {
            if (from >= to) return;
            int k = layout.Offsets.Length;
            Span<int> counter = stackalloc int[layout.OuterDims];
            Span<int> offsets = stackalloc int[k];
            layout.CounterOf(from, counter);
            layout.RunStart(from, offsets);
            for (int r = from; r < to; r++)
            {
                Segment(offsets, 0, layout.RunLength);
                if (r + 1 < to) layout.Advance(counter, offsets);
            }
        }

        public void Part(int run, int start, int length)
        {
            Span<int> offsets = stackalloc int[layout.Offsets.Length];
            layout.RunStart(run, offsets);
            Segment(offsets, start, length);
        }

        private void Segment(ReadOnlySpan<int> offsets, int start, int length)
        {
            var strides = layout.InnerStrides;
            if (layout.Dense)
            {
                op.Invoke(Slice(0, offsets, start, length), Slice(1, offsets, start, length),
                          Slice(2, offsets, start, length), Slice(3, offsets, start, length));
                return;
            }
            int k = offsets.Length;
            var pool = ArrayPool<T>.Shared;
            var buffers = new T[k][];
            for (int o = 0; o < k; o++) buffers[o] = pool.Rent(GatherChunk);
            try
            {
                for (int s = start; s < start + length; s += GatherChunk)
                {
                    int len = Math.Min(GatherChunk, start + length - s);
                    for (int o = 0; o < k; o++) Gather(data[o], offsets[o] + s * strides[o], strides[o], buffers[o].AsSpan(0, len));
                    op.Invoke(buffers[0].AsSpan(0, len), Buffer(buffers, 1, len), Buffer(buffers, 2, len), Buffer(buffers, 3, len));
                    Scatter<T>(buffers[0].AsSpan(0, len), data[0], offsets[0] + s * strides[0], strides[0]);
                }
            }
            finally
            {
                foreach (var b in buffers) pool.Return(b);
            }
        }

        private Span<T> Slice(int slot, ReadOnlySpan<int> offsets, int start, int length)
            => slot < offsets.Length ? data[slot].AsSpan(offsets[slot] + start, length) : default;

        private static ReadOnlySpan<T> Buffer(T[][] buffers, int slot, int length)
            => slot < buffers.Length ? buffers[slot].AsSpan(0, length) : default;
    }

    private interface IOperands<T>
    {
        void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z);
    }

    private readonly struct Arity1<T, TAction>(TAction action) : IOperands<T> where TAction : struct, ISpanAction<T>
    {
        public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z) => action.Invoke(d);
    }

    private readonly struct Arity2<T, TAction>(TAction action) : IOperands<T> where TAction : struct, ISpanAction2<T>
    {
        public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z) => action.Invoke(d, x);
    }

    private readonly struct Arity3<T, TAction>(TAction action) : IOperands<T> where TAction : struct, ISpanAction3<T>
    {
        public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z) => action.Invoke(d, x, y);
    }

    private readonly struct Arity4<T, TAction>(TAction action) : IOperands<T> where TAction : struct, ISpanAction4<T>
    {
        public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z) => action.Invoke(d, x, y, z);
    }
}
