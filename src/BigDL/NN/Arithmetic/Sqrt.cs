using System.Numerics;

namespace BigDL.NN;

/// <summary>Square root, element-wise.</summary>
/// <remarks>BigDL/Torch <c>nn.Sqrt</c>. Any shape.</remarks>
public sealed class Sqrt<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);

    private protected override T Apply(T x) => T.Sqrt(x);

    private protected override T Derivative(T x, T y) => Half / y;
}
