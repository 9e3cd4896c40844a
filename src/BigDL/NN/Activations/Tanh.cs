using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Hyperbolic tangent, element-wise, any shape.</summary>
/// <remarks>BigDL/Torch <c>nn.Tanh</c> (PyTorch <c>nn.Tanh</c>).</remarks>
public sealed class Tanh<T> : ElementwiseActivation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input) => Output.Tanh(input);

    private protected override void Gradient(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) => PointwiseGradients.Tanh(y, g, dx);
}
