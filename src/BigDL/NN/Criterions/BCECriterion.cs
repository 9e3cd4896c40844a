using System.Numerics;

namespace BigDL.NN;

/// <summary>Binary cross-entropy of probabilities x in (0, 1) against targets y in [0, 1]: −(y·log x + (1 − y)·log(1 − x)).</summary>
/// <remarks>BigDL/Torch <c>nn.BCECriterion</c> (PyTorch <c>nn.BCELoss</c>); logarithms are clamped at 1e-12 as BigDL clamps with an epsilon. Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class BCECriterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double Eps = 1e-12;

    private protected override double Term(double x, double y) => -(y * Math.Log(Math.Max(x, Eps)) + (1 - y) * Math.Log(Math.Max(1 - x, Eps)));

    private protected override double Slope(double x, double y) => -(y / Math.Max(x, Eps) - (1 - y) / Math.Max(1 - x, Eps));
}
