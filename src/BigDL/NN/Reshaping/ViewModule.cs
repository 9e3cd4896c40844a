using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of layers whose output is the input's elements under another shape (Reshape, View, InferReshape, Squeeze,
/// Unsqueeze): the gradient is the output gradient viewed back in the input's shape.
/// </summary>
public abstract class ViewModule<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected ViewModule()
    {
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput = gradOutput.Contiguous().View(input.Size());
        return GradInput;
    }
}
