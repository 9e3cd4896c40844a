using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of Sum, Mean, Max and Min over one dimension: the 0-based dimension shifts by one for batch inputs (more
/// dimensions than <c>nInputDims</c>), and the reduced dimension is removed unless <c>squeeze</c> is false.
/// </summary>
public abstract class DimensionReduction<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected DimensionReduction(int dimension, int nInputDims, bool squeeze)
    {
        (Dimension, NInputDims, Squeeze) = (dimension, nInputDims, squeeze);
    }

    /// <summary>0-based dimension of one sample to reduce (negative: from the end).</summary>
    public int Dimension { get; }

    /// <summary>Dimensions of one sample (−1 or 0: no batch rule).</summary>
    public int NInputDims { get; }

    /// <summary>Whether the reduced dimension is removed.</summary>
    public bool Squeeze { get; }

    /// <summary>The reduced tensor, keeping the dimension as size 1.</summary>
    private protected abstract Tensor<T> Reduce(Tensor<T> input, int dim);

    /// <summary>The input gradient from the output gradient (with the dimension kept as size 1).</summary>
    private protected abstract void Distribute(Tensor<T> input, Tensor<T> gradOutput, int dim, Tensor<T> gradInput);

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int dim = Axis(input);
        var reduced = Reduce(input, dim);
        Output = Squeeze && input.Dim() > 1 ? reduced.Squeeze(dim) : reduced;
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        int dim = Axis(input);
        Require.SameShape(gradOutput, Output);
        var kept = input.Size();
        kept[dim] = 1;
        GradInput.ResizeAs(input);
        Distribute(input, gradOutput.Contiguous().View(kept), dim, GradInput);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Dimension})";

    private int Axis(Tensor<T> input)
    {
        int dim = Dimension < 0 ? Dimension + input.Dim() : Dimension + (NInputDims > 0 && input.Dim() > NInputDims ? 1 : 0);
        Require.Shape(dim >= 0 && dim < input.Dim(), $"an input with dimension {dim}", input);
        return dim;
    }
}
