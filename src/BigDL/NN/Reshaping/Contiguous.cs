using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The input laid out contiguously (the input itself when it already is).</summary>
/// <remarks>BigDL/Torch <c>nn.Contiguous</c>.</remarks>
public sealed class Contiguous<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Output = input.IsContiguous() ? input : Output.ResizeAs(input).Copy(input);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput = gradOutput.IsContiguous() ? gradOutput : GradInput.ResizeAs(gradOutput).Copy(gradOutput);
        return GradInput;
    }
}
