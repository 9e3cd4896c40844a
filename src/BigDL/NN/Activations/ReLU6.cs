using System.Numerics;

namespace BigDL.NN;

/// <summary>Rectified linear unit capped at 6: y = min(max(0, x), 6).</summary>
/// <remarks>BigDL/Torch <c>nn.ReLU6</c> (PyTorch <c>nn.ReLU6</c>). Any shape.</remarks>
/// <param name="inplace">Whether the output overwrites the input.</param>
public sealed class ReLU6<T>(bool inplace = false) : PointwiseModule<T>(inplace) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Six = T.CreateTruncating(6);

    private protected override T Apply(T x) => T.Clamp(x, T.Zero, Six);

    private protected override T Derivative(T x, T y) => x > T.Zero && x < Six ? T.One : T.Zero;
}
