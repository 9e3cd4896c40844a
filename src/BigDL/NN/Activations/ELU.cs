using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Exponential linear unit: y = x for x > 0, else alpha·(eˣ − 1).</summary>
/// <remarks>BigDL/Torch <c>nn.ELU</c> (PyTorch <c>nn.ELU</c>). Any shape.</remarks>
/// <param name="alpha">Scale of the negative part (default 1).</param>
/// <param name="inplace">Whether the output overwrites the input.</param>
public sealed class ELU<T>(double alpha = 1, bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _alpha = T.CreateTruncating(alpha);

    /// <summary>Scale of the negative part.</summary>
    public double Alpha { get; } = alpha;

    private protected override T Apply(T x) => x > T.Zero ? x : _alpha * (T.Exp(x) - T.One);

    private protected override T Derivative(T x, T y) => x > T.Zero ? T.One : y + _alpha;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Alpha})");
}
