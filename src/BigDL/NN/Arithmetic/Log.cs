using System.Numerics;

namespace BigDL.NN;

/// <summary>Natural logarithm, element-wise (inputs must be positive).</summary>
/// <remarks>BigDL/Torch <c>nn.Log</c>. Any shape.</remarks>
public sealed class Log<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => T.Log(x);

    private protected override T Derivative(T x, T y) => T.One / x;
}
