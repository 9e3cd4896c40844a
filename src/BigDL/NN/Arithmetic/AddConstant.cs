using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>x + c, element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.AddConstant</c>. Any shape.</remarks>
/// <param name="constantScalar">The constant c.</param>
/// <param name="inplace">Whether the output overwrites the input.</param>
public sealed class AddConstant<T>(double constantScalar, bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _c = T.CreateTruncating(constantScalar);

    /// <summary>The constant c.</summary>
    public double ConstantScalar { get; } = constantScalar;

    private protected override T Apply(T x) => x + _c;

    private protected override T Derivative(T x, T y) => T.One;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({ConstantScalar})");
}
