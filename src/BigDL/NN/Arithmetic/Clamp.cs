using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>x clamped to [min, max]; gradient 1 inside, 0 outside (BigDL's Clamp is a HardTanh).</summary>
/// <remarks>BigDL's <c>nn.Clamp</c> (PyTorch <c>torch.clamp</c>). Any shape.</remarks>
/// <param name="min">Lower bound.</param>
/// <param name="max">Upper bound.</param>
public sealed class Clamp<T>(double min, double max) : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _min = T.CreateTruncating(Check(min, max));
    private readonly T _max = T.CreateTruncating(max);

    /// <summary>Lower bound.</summary>
    public double Min { get; } = min;

    /// <summary>Upper bound.</summary>
    public double Max { get; } = max;

    private protected override T Apply(T x) => T.Clamp(x, _min, _max);

    private protected override T Derivative(T x, T y) => x > _min && x < _max ? T.One : T.Zero;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Min}, {Max})");

    private static double Check(double min, double max)
    {
        if (!(min < max)) throw new ArgumentException($"expected min < max, got {min} and {max}", nameof(min));
        return min;
    }
}
