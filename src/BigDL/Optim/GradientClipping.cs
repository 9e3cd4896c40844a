using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>How an optimizer clips the gradient before each update: not at all, element-wise into a range, or by its L2 norm.</summary>
public sealed record GradientClipping
{
    private GradientClipping(double min, double max, double? norm) => (Min, Max, Norm) = (min, max, norm);

    /// <summary>No clipping.</summary>
    public static GradientClipping None { get; } = new(double.NegativeInfinity, double.PositiveInfinity, null);

    /// <summary>Every element clamped into [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static GradientClipping Constant(double min, double max) =>
        min <= max ? new(min, max, null) : throw new ArgumentException($"min {min} must not exceed max {max}", nameof(min));

    /// <summary>The whole gradient scaled down to norm <paramref name="clipNorm"/> when its L2 norm is larger.</summary>
    public static GradientClipping L2Norm(double clipNorm) =>
        clipNorm > 0 ? new(double.NegativeInfinity, double.PositiveInfinity, clipNorm) : throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, "clipNorm must be positive");

    /// <summary>Lower bound of constant clipping.</summary>
    public double Min { get; }

    /// <summary>Upper bound of constant clipping.</summary>
    public double Max { get; }

    /// <summary>The L2 norm limit, or null.</summary>
    public double? Norm { get; }

    /// <summary>Clips <paramref name="gradient"/> in place.</summary>
    public void Apply<T>(Tensor<T> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Norm is { } limit)
        {
            double norm = double.CreateTruncating(gradient.Norm());
            if (norm > limit) gradient.Mul(T.CreateTruncating(limit / norm));
        }
        else if (!double.IsNegativeInfinity(Min) || !double.IsPositiveInfinity(Max))
            gradient.Clamp(T.CreateTruncating(Min), T.CreateTruncating(Max));
    }

    /// <inheritdoc/>
    public override string ToString() => Norm is { } n ? $"L2 norm {n}" : double.IsNegativeInfinity(Min) && double.IsPositiveInfinity(Max) ? "none" : $"[{Min}, {Max}]";
}
