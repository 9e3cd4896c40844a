using System.Numerics;

namespace BigDL.NN;

/// <summary>L1 penalty of the input: Σ|x| (the target is ignored but must have the input's element count).</summary>
/// <remarks>BigDL/Torch <c>nn.L1Cost</c>.</remarks>
public sealed class L1Cost<T>() : PointwiseCriterion<T>(sizeAverage: false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override double Term(double x, double y) => Math.Abs(x);

    private protected override double Slope(double x, double y) => Math.Sign(x);
}
