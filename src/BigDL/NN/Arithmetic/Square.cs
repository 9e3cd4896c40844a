using System.Numerics;

namespace BigDL.NN;

/// <summary>x², element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.Square</c>. Any shape.</remarks>
public sealed class Square<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Two = T.CreateTruncating(2);

    private protected override T Apply(T x) => x * x;

    private protected override T Derivative(T x, T y) => Two * x;
}
