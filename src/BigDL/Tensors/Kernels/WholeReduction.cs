using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// Drivers of whole-tensor reductions. A contiguous tensor is cut into blocks of <see cref="Block"/> elements,
/// each reduced by <see cref="Accumulate.Span"/>, and the block results are combined in block order: the cut
/// depends only on the element count, so the result is the same for any <see cref="Engine.CoreNumber"/>.
/// Other layouts are visited run by run, in row-major order, on the calling thread.
/// </summary>
internal static class WholeReduction
{
    /// <summary>Elements per block of a contiguous reduction.</summary>
    internal const int Block = 1 << 14;

    /// <summary>The combined (not yet finished) value of <paramref name="op"/> over every element.</summary>
    public static double Aggregate<T, TOp>(Tensor<T> source, TOp op, double center = 0)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        int n = source.NElement();
        if (n == 0) return op.Identity;
        if (!source.IsContiguous())
        {
            var visitor = new AccumulateVisitor<T, TOp>(op, center);
            ElementWalk.Visit(source, ref visitor);
            return visitor.Value;
        }
        var data = source.Data;
        int offset = source.Offset;
        int blocks = (int)(((long)n + Block - 1) / Block);
        if (blocks == 1) return Accumulate.Span<T, TOp>(data.AsSpan(offset, n), op, center);
        var partials = new double[blocks];
        void Reduce(int b)
        {
            int start = b * Block;
            partials[b] = Accumulate.Span<T, TOp>(data.AsSpan(offset + start, Math.Min(Block, n - start)), op, center);
        }
        if (Engine.CoreNumber > 1 && n >= ElementWalk.ParallelThreshold) Engine.For(blocks, Reduce);
        else for (int b = 0; b < blocks; b++) Reduce(b);
        double acc = partials[0];
        for (int b = 1; b < blocks; b++) acc = op.Combine(acc, partials[b]);
        return acc;
    }

    /// <summary>The largest (<paramref name="max"/>) or smallest element; NaN when any element is NaN. Requires at least one element.</summary>
    public static T Extreme<T>(Tensor<T> source, bool max) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (source.IsContiguous())
        {
            var span = new ReadOnlySpan<T>(source.Data, source.Offset, source.NElement());
            return max ? TensorPrimitives.Max(span) : TensorPrimitives.Min(span);
        }
        var visitor = new ExtremeVisitor<T>(max);
        ElementWalk.Visit(source, ref visitor);
        return visitor.Value;
    }

    private struct AccumulateVisitor<T, TOp>(TOp op, double center) : IRunVisitor<T>
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        private bool _any;

        public double Value { get; private set; } = op.Identity;

        public void Visit(ReadOnlySpan<T> run)
        {
            double part = Accumulate.Span(run, op, center);
            Value = _any ? op.Combine(Value, part) : part;
            _any = true;
        }
    }

    private struct ExtremeVisitor<T>(bool max) : IRunVisitor<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private bool _any;

        public T Value { get; private set; }

        public void Visit(ReadOnlySpan<T> run)
        {
            T part = max ? TensorPrimitives.Max(run) : TensorPrimitives.Min(run);
            Value = !_any ? part : max ? T.Max(Value, part) : T.Min(Value, part);
            _any = true;
        }
    }
}
