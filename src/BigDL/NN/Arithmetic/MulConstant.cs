using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>c·x, element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.MulConstant</c>. Any shape.</remarks>
/// <param name="scalar">The constant c.</param>
/// <param name="inplace">Whether the output overwrites the input.</param>
public sealed class MulConstant<T>(double scalar, bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _c = T.CreateTruncating(scalar);

    /// <summary>The constant c.</summary>
    public double Scalar { get; } = scalar;

    private protected override T Apply(T x) => _c * x;

    private protected override T Derivative(T x, T y) => _c;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Scalar})");
}
