using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Sum over one dimension (divided by its size with <c>sizeAverage</c>).</summary>
/// <remarks>BigDL/Torch <c>nn.Sum</c>; the dimension is 0-based (BigDL counts from 1).</remarks>
/// <param name="dimension">0-based dimension of one sample (default 0).</param>
/// <param name="nInputDims">Dimensions of one sample; a batch input has one more (default −1: no batch rule).</param>
/// <param name="sizeAverage">Divide by the size of the dimension.</param>
/// <param name="squeeze">Remove the reduced dimension (default true).</param>
public sealed class Sum<T>(int dimension = 0, int nInputDims = -1, bool sizeAverage = false, bool squeeze = true)
    : DimensionReduction<T>(dimension, nInputDims, squeeze) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the sum is divided by the size of the dimension.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    private protected override Tensor<T> Reduce(Tensor<T> input, int dim) => SizeAverage ? input.Mean(dim) : input.Sum(dim);

    private protected override void Distribute(Tensor<T> input, Tensor<T> gradOutput, int dim, Tensor<T> gradInput)
    {
        gradInput.Copy(gradOutput.Expand(input.Size()));
        if (SizeAverage) gradInput.Div(T.CreateTruncating(input.Size(dim)));
    }
}
