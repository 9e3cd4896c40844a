using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Divides every plane of [nInputPlane, H, W] or [N, nInputPlane, H, W] by the local standard deviation over all planes:
/// s = √mean(x²)/coef, then y = x / (s &gt; threshold ? s : thresval).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.SpatialDivisiveNormalization</c>; the kernel (default 9×9 ones) is normalised to sum 1 over kernel and planes.</remarks>
/// <param name="nInputPlane">Planes (default 1).</param>
/// <param name="kernel">Averaging kernel [kH, kW] or [k] (separable), odd sizes; null: 9×9 ones.</param>
/// <param name="threshold">Deviations at or below this are replaced (default 1e-4).</param>
/// <param name="thresval">The replacement (default 1e-4).</param>
public sealed class SpatialDivisiveNormalization<T>(int nInputPlane = 1, Tensor<T>? kernel = null, double threshold = 1e-4, double thresval = 1e-4)
    : LocalNormalization<T>(nInputPlane, kernel) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _squares = new();
    private readonly Tensor<T> _std = new();
    private readonly Tensor<T> _divisor = new();

    /// <summary>Deviations at or below this are replaced.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>The replacement deviation.</summary>
    public double Thresval { get; } = thresval;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (n, h, w) = Layout(input);
        var x = input.Contiguous();
        var coef = Coefficients(h, w);
        _squares.ResizeAs(x).Copy(x).Square();
        var s = _std.Resize(n, h, w).AsSpan();
        Mean(_squares.AsSpan(), s, n, h, w);
        var d = _divisor.Resize(n, h, w).AsSpan();
        T limit = T.CreateTruncating(Threshold), replacement = T.CreateTruncating(Thresval);
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = T.Sqrt(s[i]);
            T adjusted = s[i] / coef[i % (h * w)];
            d[i] = adjusted > limit ? adjusted : replacement;
        }
        Output.ResizeAs(input).Copy(x);
        var y = Output.AsSpan();
        for (int b = 0; b < n; b++)
            for (int p = 0; p < NInputPlane; p++)
                System.Numerics.Tensors.TensorPrimitives.Divide(y.Slice((b * NInputPlane + p) * h * w, h * w), d.Slice(b * h * w, h * w), y.Slice((b * NInputPlane + p) * h * w, h * w));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (n, h, w) = Layout(input);
        Require.SameShape(gradOutput, Output);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        var coef = Coefficients(h, w);
        var s = _std.AsSpan();
        var d = _divisor.AsSpan();
        int plane = h * w;
        GradInput.ResizeAs(input);
        var dx = GradInput.AsSpan();
        // Through the division: dx = g/d; through d (only where s/coef passed the threshold) back to the mean of squares.
        var gradMeanOfSquares = new T[n * plane];
        T limit = T.CreateTruncating(Threshold);
        for (int b = 0; b < n; b++)
            for (int i = 0; i < plane; i++)
            {
                int at = b * plane + i;
                T gradDivisor = T.Zero;
                for (int p = 0; p < NInputPlane; p++)
                {
                    int k = (b * NInputPlane + p) * plane + i;
                    dx[k] = g[k] / d[at];
                    gradDivisor -= g[k] * x[k] / (d[at] * d[at]);
                }
                bool passed = s[at] / coef[i] > limit && s[at] > T.Zero;
                gradMeanOfSquares[at] = passed ? gradDivisor / coef[i] / (s[at] + s[at]) : T.Zero;
            }
        var gradSquares = new T[x.Length];
        MeanAdjoint(gradMeanOfSquares, gradSquares, n, h, w);
        for (int k = 0; k < dx.Length; k++) dx[k] += gradSquares[k] * (x[k] + x[k]);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({NInputPlane}, {Kernel.Size(0)}x{Kernel.Size(1)}, {Threshold}, {Thresval})");
}
