using System.Numerics;

namespace BigDL.Tensors.Kernels;

/// <summary>destination[i] = value.</summary>
internal readonly struct FillAction<T>(T value) : ISpanAction<T>
{
    public void Invoke(Span<T> destination) => destination.Fill(value);
}

/// <summary>destination[i] = x[i].</summary>
internal readonly struct CopyAction<T> : ISpanAction2<T>
{
    public void Invoke(Span<T> destination, ReadOnlySpan<T> x) => x.CopyTo(destination);
}

/// <summary>destination[i] = func(destination[i]); a delegate call per element, for convenience APIs only.</summary>
internal readonly struct ApplyAction<T>(Func<T, T> func) : ISpanAction<T>, ISequentialAction
{
    public void Invoke(Span<T> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = func(destination[i]);
    }
}

/// <summary>destination[i] = func(x[i], y[i]); a delegate call per element, for convenience APIs only.</summary>
internal readonly struct MapAction<T>(Func<T, T, T> func) : ISpanAction3<T>, ISequentialAction
{
    public void Invoke(Span<T> destination, ReadOnlySpan<T> x, ReadOnlySpan<T> y)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = func(x[i], y[i]);
    }
}
