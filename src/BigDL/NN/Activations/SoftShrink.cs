using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Soft shrinkage: y = x − λ for x > λ, x + λ for x &lt; −λ, else 0.</summary>
/// <remarks>BigDL/Torch <c>nn.SoftShrink</c> (PyTorch <c>nn.Softshrink</c>). Any shape.</remarks>
/// <param name="lambda">Threshold λ (default 0.5).</param>
public sealed class SoftShrink<T>(double lambda = 0.5) : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _lambda = T.CreateTruncating(lambda);

    /// <summary>Threshold λ.</summary>
    public double Lambda { get; } = lambda;

    private protected override T Apply(T x) => x > _lambda ? x - _lambda : x < -_lambda ? x + _lambda : T.Zero;

    private protected override T Derivative(T x, T y) => x > _lambda || x < -_lambda ? T.One : T.Zero;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Lambda})");
}
