using System.Numerics;

namespace BigDL.NN;

/// <summary>Minimum over one dimension; the gradient goes to the (first) minimum.</summary>
/// <remarks>BigDL/Torch <c>nn.Min</c>; the dimension is 0-based (BigDL counts from 1).</remarks>
/// <param name="dim">0-based dimension of one sample (default 0).</param>
/// <param name="numInputDims">Dimensions of one sample; a batch input has one more (default −1: no batch rule).</param>
public sealed class Min<T>(int dim = 0, int numInputDims = -1) : Max<T>(dim, numInputDims) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override bool Minimum => true;
}
