using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of the spatial subtractive and divisive normalisations: the averaging kernel (2-d, or 1-d used as the
/// separable k⊗k, odd sizes, default 9×9 ones) normalised over its sum and the planes, the input layout checks and
/// the border coefficient (the local mean of ones, which corrects the zero padding at the edges).
/// </summary>
public abstract class LocalNormalization<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _coef = new();

    private protected LocalNormalization(int nInputPlane, Tensor<T>? kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nInputPlane);
        var k = kernel ?? Tensor<T>.Ones(9, 9);
        if (k.Dim() is not (1 or 2) || k.Size(0) % 2 == 0 || k.Size(-1) % 2 == 0)
            throw new ArgumentException($"expected an averaging kernel [k] or [kH, kW] with odd sizes, got {Shape.Format(k.Size())}", nameof(kernel));
        var square = k.Dim() == 1 ? new Tensor<T>(k.Size(0), k.Size(0)).AddR(k.Contiguous(), k.Contiguous()) : k.Contiguous().Clone();
        Kernel = square.Div(square.Sum() * T.CreateTruncating(nInputPlane));
        NInputPlane = nInputPlane;
    }

    /// <summary>Number of planes.</summary>
    public int NInputPlane { get; }

    /// <summary>The normalised 2-d averaging kernel (sums to 1/nInputPlane).</summary>
    public Tensor<T> Kernel { get; }

    /// <summary>The input as N, planes, height, width (a single image is one sample).</summary>
    private protected (int N, int H, int W) Layout(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 3 or 4 && input.Size(-3) == NInputPlane, $"input [{NInputPlane}, H, W] or [N, {NInputPlane}, H, W]", input);
        return (input.Dim() == 3 ? 1 : input.Size(0), input.Size(-2), input.Size(-1));
    }

    /// <summary>m [N, H, W] = the local mean over all planes of <paramref name="x"/>.</summary>
    private protected void Mean(ReadOnlySpan<T> x, Span<T> m, int n, int h, int w) =>
        LocalMean.Forward(x, m, n, NInputPlane, h, w, Kernel.AsSpan(), Kernel.Size(0), Kernel.Size(1));

    /// <summary>gx += the local mean's adjoint of gm.</summary>
    private protected void MeanAdjoint(ReadOnlySpan<T> gm, Span<T> gx, int n, int h, int w) =>
        LocalMean.Adjoint(gm, gx, n, NInputPlane, h, w, Kernel.AsSpan(), Kernel.Size(0), Kernel.Size(1));

    /// <summary>The local mean of ones [H, W]: 1 inside, less near the borders.</summary>
    private protected ReadOnlySpan<T> Coefficients(int h, int w)
    {
        if (_coef.Dim() != 2 || _coef.Size(0) != h || _coef.Size(1) != w)
        {
            _coef.Resize(h, w);
            Mean(Tensor<T>.Ones(NInputPlane * h * w).AsSpan(), _coef.AsSpan(), 1, h, w);
        }
        return _coef.AsSpan();
    }
}
