using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Hard tanh: x clamped to [minValue, maxValue]; gradient 1 inside, 0 outside.</summary>
/// <remarks>BigDL/Torch <c>nn.HardTanh</c> (PyTorch <c>nn.Hardtanh</c>). Any shape.</remarks>
/// <param name="minValue">Lower bound (default −1).</param>
/// <param name="maxValue">Upper bound (default 1).</param>
/// <param name="inplace">Whether the output overwrites the input.</param>
public class HardTanh<T>(double minValue = -1, double maxValue = 1, bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _min = T.CreateTruncating(Check(minValue, maxValue));
    private readonly T _max = T.CreateTruncating(maxValue);

    /// <summary>Lower bound.</summary>
    public double MinValue { get; } = minValue;

    /// <summary>Upper bound.</summary>
    public double MaxValue { get; } = maxValue;

    private protected override T Apply(T x) => T.Clamp(x, _min, _max);

    private protected override T Derivative(T x, T y) => x > _min && x < _max ? T.One : T.Zero;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({MinValue}, {MaxValue})");

    private static double Check(double minValue, double maxValue)
    {
        if (!(minValue < maxValue)) throw new ArgumentException($"expected minValue < maxValue, got {minValue} and {maxValue}", nameof(minValue));
        return minValue;
    }
}
