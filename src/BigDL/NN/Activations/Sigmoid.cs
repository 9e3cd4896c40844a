using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Logistic sigmoid 1 / (1 + e^−x), element-wise, any shape.</summary>
/// <remarks>BigDL/Torch <c>nn.Sigmoid</c> (PyTorch <c>nn.Sigmoid</c>).</remarks>
public sealed class Sigmoid<T> : ElementwiseActivation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input) => Output.Sigmoid(input);

    private protected override void Gradient(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) => PointwiseGradients.Sigmoid(y, g, dx);
}
