using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Leaky rectifier: y = x for x > 0, else negval·x.</summary>
/// <remarks>BigDL/Torch <c>nn.LeakyReLU</c> (PyTorch <c>nn.LeakyReLU</c>). Any shape.</remarks>
/// <param name="negval">Slope for negative inputs (default 0.01).</param>
/// <param name="inplace">Whether the output overwrites the input.</param>
public sealed class LeakyReLU<T>(double negval = 0.01, bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _negval = T.CreateTruncating(negval);

    /// <summary>Slope for negative inputs.</summary>
    public double Negval { get; } = negval;

    private protected override T Apply(T x) => x > T.Zero ? x : _negval * x;

    private protected override T Derivative(T x, T y) => x > T.Zero ? T.One : _negval;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Negval})");
}
