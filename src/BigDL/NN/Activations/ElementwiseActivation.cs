using System.Numerics;
using BigDL.Tensors;
using BigDL.Tensors.Kernels;

namespace BigDL.NN;

/// <summary>
/// Base of activations whose gradient is a function of the output and the output gradient alone (ReLU, Tanh,
/// Sigmoid): the backward pass runs on contiguous copies only when the tensors are strided.
/// </summary>
public abstract class ElementwiseActivation<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Allows only subclasses in this library.</summary>
    private protected ElementwiseActivation()
    {
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var y = Output.Contiguous().AsMemory();
        var g = gradOutput.Contiguous().AsMemory();
        GradInput.ResizeAs(gradOutput);
        var dx = GradInput.AsMemory();
        Engine.ForRanges(dx.Length, ElementWalk.ParallelThreshold, (start, length) =>
            Gradient(y.Span.Slice(start, length), g.Span.Slice(start, length), dx.Span.Slice(start, length)));
        return GradInput;
    }

    /// <summary>Writes the input gradient from the output <paramref name="y"/> and output gradient <paramref name="g"/>.</summary>
    private protected abstract void Gradient(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx);
}
