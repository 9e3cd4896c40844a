using System.Numerics;

namespace BigDL.NN;

/// <summary>Kullback–Leibler divergence of target probabilities y from log-probabilities x: Σ y·(log y − x), over y &gt; 0.</summary>
/// <remarks>BigDL/Torch <c>nn.DistKLDivCriterion</c> (PyTorch <c>nn.KLDivLoss</c>). Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class DistKLDivCriterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => y > 0 ? y * (Math.Log(y) - x) : 0;

    private protected override double Slope(double x, double y) => y > 0 ? -y : 0;
}
