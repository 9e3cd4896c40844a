using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Local contrast normalisation: <see cref="SpatialSubtractiveNormalization{T}"/> followed by <see cref="SpatialDivisiveNormalization{T}"/> with the same kernel.</summary>
/// <remarks>BigDL/Torch <c>nn.SpatialContrastiveNormalization</c>.</remarks>
public sealed class SpatialContrastiveNormalization<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="nInputPlane">Planes (default 1).</param>
    /// <param name="kernel">Averaging kernel [kH, kW] or [k] (separable), odd sizes; null: 9×9 ones.</param>
    /// <param name="threshold">Deviations at or below this are replaced (default 1e-4).</param>
    /// <param name="thresval">The replacement (default 1e-4).</param>
    public SpatialContrastiveNormalization(int nInputPlane = 1, Tensor<T>? kernel = null, double threshold = 1e-4, double thresval = 1e-4)
        : base(new Tensor<T>(), new Tensor<T>())
    {
        AddModule(new SpatialSubtractiveNormalization<T>(nInputPlane, kernel));
        AddModule(new SpatialDivisiveNormalization<T>(nInputPlane, kernel, threshold, thresval));
    }

    /// <summary>Planes.</summary>
    public int NInputPlane => ((SpatialSubtractiveNormalization<T>)Modules[0]).NInputPlane;

    /// <summary>The averaging kernel.</summary>
    public Tensor<T> Kernel => ((SpatialSubtractiveNormalization<T>)Modules[0]).Kernel;

    /// <summary>Deviations at or below this are replaced.</summary>
    public double Threshold => ((SpatialDivisiveNormalization<T>)Modules[1]).Threshold;

    /// <summary>The replacement.</summary>
    public double Thresval => ((SpatialDivisiveNormalization<T>)Modules[1]).Thresval;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Output = ForwardChild(1, ForwardChild(0, input)).ToTensor<T>();
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var centred = ((SpatialSubtractiveNormalization<T>)Modules[0]).Output;
        GradInput = BackwardChild(0, input, BackwardChild(1, centred, gradOutput)).ToTensor<T>();
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Modules[0]}, {Modules[1]})");

    internal override string OneLine => ToString();
}
