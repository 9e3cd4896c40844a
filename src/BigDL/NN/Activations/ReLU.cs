using System.Numerics;
using BigDL.Tensors;
using BigDL.Tensors.Kernels;

namespace BigDL.NN;

/// <summary>Rectified linear unit: y = max(0, x), element-wise, any shape.</summary>
/// <remarks>BigDL/Torch <c>nn.ReLU</c> (BigDL's is <c>Threshold(0, 0)</c>). With <c>ip</c> true the input is overwritten.</remarks>
/// <param name="ip">In place: the output is the input tensor (saves memory; the input is lost).</param>
public sealed class ReLU<T>(bool ip = false) : ElementwiseActivation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the output overwrites the input.</summary>
    public bool InPlace { get; } = ip;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        if (InPlace)
        {
            input.CMax(T.Zero);
            Output = input;
            return Output;
        }
        var x = input.Contiguous().AsMemory();
        Output.ResizeAs(input);
        var y = Output.AsMemory();
        Engine.ForRanges(y.Length, ElementWalk.ParallelThreshold, (start, length) =>
            System.Numerics.Tensors.TensorPrimitives.Max(x.Span.Slice(start, length), T.Zero, y.Span.Slice(start, length)));
        return Output;
    }

    private protected override void Gradient(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) => PointwiseGradients.Relu(y, g, dx);

    /// <inheritdoc/>
    public override string ToString() => PrintName + (InPlace ? "(true)" : "");
}
