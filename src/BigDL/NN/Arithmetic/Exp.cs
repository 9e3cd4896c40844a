using System.Numerics;

namespace BigDL.NN;

/// <summary>eˣ, element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.Exp</c>. Any shape.</remarks>
public sealed class Exp<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => T.Exp(x);

    private protected override T Derivative(T x, T y) => y;
}
