using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Subtracts from every plane of [nInputPlane, H, W] or [N, nInputPlane, H, W] the local mean over all planes, weighted by
/// an averaging kernel and corrected at the borders: y = x − mean(x)/coef.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.SpatialSubtractiveNormalization</c>; the kernel (default 9×9 ones) is normalised to sum 1 over kernel and planes.</remarks>
/// <param name="nInputPlane">Planes (default 1).</param>
/// <param name="kernel">Averaging kernel [kH, kW] or [k] (separable), odd sizes; null: 9×9 ones.</param>
public sealed class SpatialSubtractiveNormalization<T>(int nInputPlane = 1, Tensor<T>? kernel = null) : LocalNormalization<T>(nInputPlane, kernel)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _mean = new();

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (n, h, w) = Layout(input);
        var x = input.Contiguous();
        var coef = Coefficients(h, w);
        var m = _mean.Resize(n, h, w).AsSpan();
        Mean(x.AsSpan(), m, n, h, w);
        for (int b = 0; b < n; b++)
            for (int i = 0; i < h * w; i++) m[b * h * w + i] /= coef[i];
        Output.ResizeAs(input).Copy(x);
        var y = Output.AsSpan();
        for (int b = 0; b < n; b++)
            for (int p = 0; p < NInputPlane; p++)
                System.Numerics.Tensors.TensorPrimitives.Subtract(y.Slice((b * NInputPlane + p) * h * w, h * w), m.Slice(b * h * w, h * w), y.Slice((b * NInputPlane + p) * h * w, h * w));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (n, h, w) = Layout(input);
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous().AsSpan();
        var coef = Coefficients(h, w);
        // dx = g − meanᵀ(Σ_planes g / coef)
        var gm = new T[n * h * w];
        for (int b = 0; b < n; b++)
            for (int p = 0; p < NInputPlane; p++)
                for (int i = 0; i < h * w; i++) gm[b * h * w + i] -= g[(b * NInputPlane + p) * h * w + i] / coef[i];
        GradInput.ResizeAs(input).Copy(gradOutput);
        MeanAdjoint(gm, GradInput.AsSpan(), n, h, w);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({NInputPlane}, {Kernel.Size(0)}x{Kernel.Size(1)})";
}
