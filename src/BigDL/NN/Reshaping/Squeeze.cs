using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Removes dimensions of size 1: the given one, or all of them.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Squeeze</c>; the dimension is 0-based (BigDL counts from 1). With <c>numInputDims</c> and a
/// batch input (more dimensions than that), the dimension shifts by one and the batch dimension is kept even if 1.
/// </remarks>
/// <param name="dim">0-based dimension to remove, or null for every dimension of size 1.</param>
/// <param name="numInputDims">Dimensions of one sample (0: no batch rule).</param>
public sealed class Squeeze<T>(int? dim = null, int numInputDims = 0) : ViewModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The dimension removed, or null for all of size 1.</summary>
    public int? Dim { get; } = dim;

    /// <summary>Dimensions of one sample (0: no batch rule).</summary>
    public int NumInputDims { get; } = numInputDims;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        bool batch = NumInputDims > 0 && input.Dim() > NumInputDims;
        var sizes = input.Size();
        var kept = new List<int>();
        for (int d = 0; d < sizes.Length; d++)
        {
            bool remove = sizes[d] == 1 && (Dim is int only ? d == only + (batch ? 1 : 0) : !(batch && d == 0));
            if (!remove) kept.Add(sizes[d]);
        }
        Output = input.Contiguous().View([.. kept]);
        return Output;
    }

    /// <inheritdoc/>
    public override string ToString() => Dim is null ? PrintName : $"{PrintName}({Dim})";
}
