using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The slice at <c>index</c> of <c>dimension</c>, which disappears from the output.</summary>
/// <remarks>BigDL/Torch <c>nn.Select</c>; 0-based dimension and index (BigDL counts from 1), negative values count from the end. The output is a view.</remarks>
/// <param name="dimension">0-based dimension (negative: from the end).</param>
/// <param name="index">0-based index (negative: from the end).</param>
public sealed class Select<T>(int dimension, int index) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based dimension.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>0-based index.</summary>
    public int Index { get; } = index;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (dim, i) = Position(input);
        Output = input.Select(dim, i);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (dim, i) = Position(input);
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Zero();
        GradInput.Select(dim, i).Copy(gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Dimension}, {Index})";

    private (int Dim, int Index) Position(Tensor<T> input)
    {
        int dim = Dimension < 0 ? Dimension + input.Dim() : Dimension;
        Require.Shape(dim >= 0 && dim < input.Dim(), $"an input with dimension {Dimension}", input);
        int i = Index < 0 ? Index + input.Size(dim) : Index;
        Require.Shape(i >= 0 && i < input.Size(dim), $"index {Index} inside dimension {dim}", input);
        return (dim, i);
    }
}
