using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Inserts a dimension of size 1 at position <c>pos</c>.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Unsqueeze</c>; the position is 0-based (BigDL counts from 1). With <c>numInputDims</c> and a batch
/// input (more dimensions than that), the position shifts by one.
/// </remarks>
/// <param name="pos">0-based position of the new dimension.</param>
/// <param name="numInputDims">Dimensions of one sample (0: no batch rule).</param>
public sealed class Unsqueeze<T>(int pos, int numInputDims = 0) : ViewModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based position of the new dimension.</summary>
    public int Pos { get; } = pos >= 0 ? pos : throw new ArgumentOutOfRangeException(nameof(pos), pos, "pos must be at least 0");

    /// <summary>Dimensions of one sample (0: no batch rule).</summary>
    public int NumInputDims { get; } = numInputDims;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int at = Pos + (NumInputDims > 0 && input.Dim() > NumInputDims ? 1 : 0);
        Require.Shape(at <= input.Dim(), $"at least {at} dimensions to insert one at {at}", input);
        Output = input.Contiguous().Unsqueeze(at);
        return Output;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Pos})";
}
