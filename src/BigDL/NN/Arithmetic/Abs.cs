using System.Numerics;

namespace BigDL.NN;

/// <summary>Absolute value, element-wise (gradient sign(x)).</summary>
/// <remarks>BigDL/Torch <c>nn.Abs</c>. Any shape.</remarks>
public sealed class Abs<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => T.Abs(x);

    private protected override T Derivative(T x, T y) => T.CreateTruncating(T.Sign(x));
}
