using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>(shift + scale·x)^power, element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.Power</c>. Any shape.</remarks>
/// <param name="power">The exponent.</param>
/// <param name="scale">Factor applied to x first (default 1).</param>
/// <param name="shift">Added after scaling (default 0).</param>
public sealed class Power<T>(double power, double scale = 1, double shift = 0) : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _power = T.CreateTruncating(power);
    private readonly T _scale = T.CreateTruncating(scale);
    private readonly T _shift = T.CreateTruncating(shift);

    /// <summary>The exponent.</summary>
    public double PowerValue { get; } = power;

    /// <summary>Factor applied to x first.</summary>
    public double Scale { get; } = scale;

    /// <summary>Added after scaling.</summary>
    public double Shift { get; } = shift;

    private protected override T Apply(T x) => T.Pow(_shift + _scale * x, _power);

    private protected override T Derivative(T x, T y) => _power * _scale * T.Pow(_shift + _scale * x, _power - T.One);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({PowerValue}, {Scale}, {Shift})");
}
