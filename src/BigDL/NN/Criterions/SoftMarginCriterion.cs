using System.Numerics;

namespace BigDL.NN;

/// <summary>Logistic loss for targets ±1: log(1 + e^(−x·y)).</summary>
/// <remarks>BigDL/Torch <c>nn.SoftMarginCriterion</c> (PyTorch <c>nn.SoftMarginLoss</c>). Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class SoftMarginCriterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => Math.Log(1 + Math.Exp(-x * y));

    private protected override double Slope(double x, double y) => -y / (1 + Math.Exp(x * y));
}
