using System.Numerics;

namespace BigDL.NN;

/// <summary>Log-sigmoid: y = −log(1 + e^−x), computed without overflow.</summary>
/// <remarks>BigDL/Torch <c>nn.LogSigmoid</c> (PyTorch <c>nn.LogSigmoid</c>). Any shape.</remarks>
public sealed class LogSigmoid<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override T Apply(T x) => T.Min(x, T.Zero) - T.Log(T.One + T.Exp(-T.Abs(x)));

    private protected override T Derivative(T x, T y) => T.One - T.Exp(y);
}
