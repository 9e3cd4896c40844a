namespace BigDL.Tensors.Kernels;

/// <summary>An element-wise operation on one contiguous run of a destination, in place.</summary>
/// <remarks>Implement as a <c>readonly struct</c> so the JIT inlines it into <see cref="ElementWalk"/>.</remarks>
internal interface ISpanAction<T>
{
    void Invoke(Span<T> destination);
}

/// <summary>An element-wise operation writing <c>destination</c> from one same-length input run.</summary>
internal interface ISpanAction2<T>
{
    void Invoke(Span<T> destination, ReadOnlySpan<T> x);
}

/// <summary>An element-wise operation writing <c>destination</c> from two same-length input runs.</summary>
internal interface ISpanAction3<T>
{
    void Invoke(Span<T> destination, ReadOnlySpan<T> x, ReadOnlySpan<T> y);
}

/// <summary>An element-wise operation writing <c>destination</c> from three same-length input runs.</summary>
internal interface ISpanAction4<T>
{
    void Invoke(Span<T> destination, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z);
}

/// <summary>A sequential visitor of the runs of one tensor, in row-major order (for reductions).</summary>
internal interface IRunVisitor<T>
{
    void Visit(ReadOnlySpan<T> run);
}

/// <summary>Marks an action that must run on the calling thread (it calls user code that may not be thread-safe).</summary>
internal interface ISequentialAction;
