using System.Numerics;

namespace BigDL.NN;

/// <summary>Mean absolute error: Σ|x − y| (averaged over elements by default).</summary>
/// <remarks>BigDL/Torch <c>nn.AbsCriterion</c> (PyTorch <c>nn.L1Loss</c>). Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class AbsCriterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => Math.Abs(x - y);

    private protected override double Slope(double x, double y) => Math.Sign(x - y);
}
