using System.Numerics;

namespace BigDL.NN;

/// <summary>Smooth L1 (Huber with δ = 1): ½d² for |d| &lt; 1, else |d| − ½, with d = x − y.</summary>
/// <remarks>BigDL/Torch <c>nn.SmoothL1Criterion</c> (PyTorch <c>nn.SmoothL1Loss</c>). Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Average over the elements instead of summing.</param>
public sealed class SmoothL1Criterion<T>(bool sizeAverage = true) : PointwiseCriterion<T>(sizeAverage) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => Math.Abs(x - y) < 1 ? 0.5 * (x - y) * (x - y) : Math.Abs(x - y) - 0.5;

    private protected override double Slope(double x, double y) => Math.Abs(x - y) < 1 ? x - y : Math.Sign(x - y);
}
