using System.Numerics;

namespace BigDL.NN;

/// <summary>Tanh shrinkage: y = x − tanh(x).</summary>
/// <remarks>BigDL/Torch <c>nn.TanhShrink</c> (PyTorch <c>nn.Tanhshrink</c>). Any shape.</remarks>
public sealed class TanhShrink<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => x - T.Tanh(x);

    private protected override T Derivative(T x, T y) => T.Tanh(x) * T.Tanh(x);
}
