using System.Numerics;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>
/// Backward passes of element-wise activations on contiguous spans, written from the forward output y and the
/// output gradient g: one pass, no temporaries, Vector256 where the hardware has it.
/// </summary>
internal static class PointwiseGradients
{
    /// <summary>dx = g where y &gt; 0, else 0 (ReLU, from its output).</summary>
    public static void Relu<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i <= y.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var mask = Vector256.GreaterThan(Vector256.Create(y[i..]), Vector256<T>.Zero);
                (mask & Vector256.Create(g[i..])).CopyTo(dx[i..]);
            }
        for (; i < y.Length; i++) dx[i] = y[i] > T.Zero ? g[i] : T.Zero;
    }

    /// <summary>dx = g·(1 − y²) (tanh, from its output).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i <= y.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var v = Vector256.Create(y[i..]);
                (Vector256.Create(g[i..]) * (Vector256<T>.One - v * v)).CopyTo(dx[i..]);
            }
        for (; i < y.Length; i++) dx[i] = g[i] * (T.One - y[i] * y[i]);
    }

    /// <summary>dx = g·y·(1 − y) (sigmoid, from its output).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i <= y.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var v = Vector256.Create(y[i..]);
                (Vector256.Create(g[i..]) * v * (Vector256<T>.One - v)).CopyTo(dx[i..]);
            }
        for (; i < y.Length; i++) dx[i] = g[i] * y[i] * (T.One - y[i]);
    }
}
