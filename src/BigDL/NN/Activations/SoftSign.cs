using System.Numerics;

namespace BigDL.NN;

/// <summary>Soft-sign: y = x / (1 + |x|).</summary>
/// <remarks>BigDL/Torch <c>nn.SoftSign</c> (PyTorch <c>nn.Softsign</c>). Any shape.</remarks>
public sealed class SoftSign<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => x / (T.One + T.Abs(x));

    private protected override T Derivative(T x, T y) => T.One / ((T.One + T.Abs(x)) * (T.One + T.Abs(x)));
}
