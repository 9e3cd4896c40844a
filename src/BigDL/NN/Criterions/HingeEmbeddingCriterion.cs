using System.Numerics;

namespace BigDL.NN;

/// <summary>For targets ±1: x where y = 1, max(0, margin − x) where y = −1 (x usually a distance).</summary>
/// <remarks>BigDL/Torch <c>nn.HingeEmbeddingCriterion</c> (PyTorch <c>nn.HingeEmbeddingLoss</c>). Input and target have the same number of elements.</remarks>
/// <param name="margin">The margin (default 1).</param>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class HingeEmbeddingCriterion<T>(double margin = 1, bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The margin.</summary>
    public double Margin { get; } = margin;

    private protected override double Term(double x, double y) => y > 0 ? x : Math.Max(0, Margin - x);

    private protected override double Slope(double x, double y) => y > 0 ? 1 : Margin - x > 0 ? -1 : 0;
}
