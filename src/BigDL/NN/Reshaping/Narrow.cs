using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>A slice of <c>length</c> positions starting at <c>offset</c> along <c>dimension</c>.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Narrow</c>. Dimension and offset are 0-based (BigDL counts from 1); a negative dimension counts
/// from the end and a negative length leaves that many positions out at the end (length −1: up to the end).
/// The output is a view of the input.
/// </remarks>
/// <param name="dimension">0-based dimension (negative: from the end).</param>
/// <param name="offset">0-based first position.</param>
/// <param name="length">Number of positions (negative: up to the end, leaving −length−1 out).</param>
public sealed class Narrow<T>(int dimension, int offset, int length = 1) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based dimension.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>0-based first position.</summary>
    public int Offset { get; } = offset >= 0 ? offset : throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be at least 0");

    /// <summary>Number of positions (negative: counted from the end).</summary>
    public int Length { get; } = length != 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "length must not be 0");

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (dim, length) = Range(input);
        Output = input.Narrow(dim, Offset, length);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (dim, length) = Range(input);
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Zero();
        GradInput.Narrow(dim, Offset, length).Copy(gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Dimension}, {Offset}, {Length})";

    private (int Dim, int Length) Range(Tensor<T> input)
    {
        int dim = Dimension < 0 ? Dimension + input.Dim() : Dimension;
        Require.Shape(dim >= 0 && dim < input.Dim(), $"an input with dimension {Dimension}", input);
        int length = Length > 0 ? Length : input.Size(dim) - Offset + Length + 1;
        Require.Shape(length > 0 && Offset + length <= input.Size(dim), $"at least {Offset + Math.Max(length, 1)} positions in dimension {dim}", input);
        return (dim, length);
    }
}
