using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// Multi-label logistic loss of scores x against 0/1 targets y: −(y·log σ(x) + (1 − y)·log(1 − σ(x))), averaged over
/// all elements by default (over classes, then samples, as BigDL).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.MultiLabelSoftMarginCriterion</c> (PyTorch <c>nn.MultiLabelSoftMarginLoss</c>), computed stably from x.</remarks>
/// <param name="sizeAverage">Average over elements (default true).</param>
public sealed class MultiLabelSoftMarginCriterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => Math.Max(x, 0) - x * y + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    private protected override double Slope(double x, double y) => 1 / (1 + Math.Exp(-x)) - y;
}
