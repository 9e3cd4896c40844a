using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Maximum over one dimension; the gradient goes to the (first) maximum.</summary>
/// <remarks>BigDL/Torch <c>nn.Max</c>; the dimension is 0-based (BigDL counts from 1). <see cref="Min{T}"/> is the minimum.</remarks>
/// <param name="dim">0-based dimension of one sample (default 0).</param>
/// <param name="numInputDims">Dimensions of one sample; a batch input has one more (default −1: no batch rule).</param>
public class Max<T>(int dim = 0, int numInputDims = -1) : DimensionReduction<T>(dim, numInputDims, squeeze: true)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T> _indices = new();

    /// <summary>Whether this takes the minimum instead.</summary>
    private protected virtual bool Minimum => false;

    private protected override Tensor<T> Reduce(Tensor<T> input, int dim)
    {
        var (values, indices) = Minimum ? input.Min(dim) : input.Max(dim);
        _indices = indices;
        return values;
    }

    private protected override void Distribute(Tensor<T> input, Tensor<T> gradOutput, int dim, Tensor<T> gradInput) =>
        gradInput.Zero().Scatter(dim, _indices, gradOutput);
}
