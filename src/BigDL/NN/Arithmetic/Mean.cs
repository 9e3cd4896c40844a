using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Mean over one dimension.</summary>
/// <remarks>BigDL/Torch <c>nn.Mean</c>; the dimension is 0-based (BigDL counts from 1).</remarks>
/// <param name="dimension">0-based dimension of one sample (default 0).</param>
/// <param name="nInputDims">Dimensions of one sample; a batch input has one more (default −1: no batch rule).</param>
/// <param name="squeeze">Remove the reduced dimension (default true).</param>
public sealed class Mean<T>(int dimension = 0, int nInputDims = -1, bool squeeze = true)
    : DimensionReduction<T>(dimension, nInputDims, squeeze) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override Tensor<T> Reduce(Tensor<T> input, int dim) => input.Mean(dim);

    private protected override void Distribute(Tensor<T> input, Tensor<T> gradOutput, int dim, Tensor<T> gradInput) =>
        gradInput.Copy(gradOutput.Expand(input.Size())).Div(T.CreateTruncating(input.Size(dim)));
}
