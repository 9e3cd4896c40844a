using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>
/// Backward passes of element-wise activations on contiguous spans, written from the forward output y and the
/// output gradient g: one pass, no temporaries, Vector256 where the hardware has it.
/// </summary>
internal static class PointwiseGradients
{
    /// <summary>dx = g where y &gt; 0, else 0 (ReLU, from its output).</summary>
    public static void Relu<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, ReluGradient<T>>(y, g, dx);

    /// <summary>dx = g·(1 − y²) (tanh, from its output).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, TanhGradient<T>>(y, g, dx);

    /// <summary>dx = g·y·(1 − y) (sigmoid, from its output).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, SigmoidGradient<T>>(y, g, dx);

    private static void Run<T, TOp>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IGradient<T>
    {
        if (g.Length < y.Length || dx.Length < y.Length)
            throw new ArgumentException($"gradient spans of {g.Length} and {dx.Length} values are shorter than the output's {y.Length}");
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rg = ref MemoryMarshal.GetReference(g);
        ref T rd = ref MemoryMarshal.GetReference(dx);
        nuint i = 0, n = (nuint)y.Length;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (nuint w = (nuint)Vector256<T>.Count; i + w <= n; i += w)
                TOp.Of(Vector256.LoadUnsafe(ref ry, i), Vector256.LoadUnsafe(ref rg, i)).StoreUnsafe(ref rd, i);
        for (; i < n; i++) Unsafe.Add(ref rd, i) = TOp.Of(Unsafe.Add(ref ry, i), Unsafe.Add(ref rg, i));
    }

    private interface IGradient<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        static abstract T Of(T y, T g);

        static abstract Vector256<T> Of(Vector256<T> y, Vector256<T> g);
    }

    private readonly struct ReluGradient<T> : IGradient<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Of(T y, T g) => y > T.Zero ? g : T.Zero;

        public static Vector256<T> Of(Vector256<T> y, Vector256<T> g) => Vector256.GreaterThan(y, Vector256<T>.Zero) & g;
    }

    private readonly struct TanhGradient<T> : IGradient<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Of(T y, T g) => g * (T.One - y * y);

        public static Vector256<T> Of(Vector256<T> y, Vector256<T> g) => g * (Vector256<T>.One - y * y);
    }

    private readonly struct SigmoidGradient<T> : IGradient<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Of(T y, T g) => g * y * (T.One - y);

        public static Vector256<T> Of(Vector256<T> y, Vector256<T> g) => g * y * (Vector256<T>.One - y);
    }
}
