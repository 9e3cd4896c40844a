using System.Numerics;

namespace BigDL.NN;

/// <summary>Hinge loss for targets ±1: max(0, margin − x·y) (squared with <c>squared</c>).</summary>
/// <remarks>BigDL/Torch <c>nn.MarginCriterion</c>. Input and target have the same number of elements.</remarks>
/// <param name="margin">The margin (default 1).</param>
/// <param name="squared">Square the hinge (default false).</param>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class MarginCriterion<T>(double margin = 1, bool squared = false, bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The margin.</summary>
    public double Margin { get; } = margin;

    /// <summary>Square the hinge.</summary>
    public bool Squared { get; } = squared;

    private protected override double Term(double x, double y) => Squared ? Math.Pow(Math.Max(0, Margin - x * y), 2) : Math.Max(0, Margin - x * y);

    private protected override double Slope(double x, double y) => Margin - x * y <= 0 ? 0 : Squared ? -2 * y * (Margin - x * y) : -y;
}
