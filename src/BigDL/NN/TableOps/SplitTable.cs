using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Splits a tensor along <c>dimension</c> into a table of its slices (views).</summary>
/// <remarks>
/// BigDL/Torch <c>nn.SplitTable</c>; the dimension is 0-based (BigDL counts from 1), negative from the end. With
/// <c>nInputDims</c> and a batch input (more dimensions than that) the dimension shifts by one.
/// </remarks>
/// <param name="dimension">0-based dimension to split along.</param>
/// <param name="nInputDims">Dimensions of one sample (0: no batch rule).</param>
public sealed class SplitTable<T>(int dimension, int nInputDims = 0) : AbstractModule<Tensor<T>, Table, T>(new Table(), new Tensor<T>())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based split dimension.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>Dimensions of one sample (0: no batch rule).</summary>
    public int NInputDims { get; } = nInputDims;

    /// <inheritdoc/>
    protected override Table UpdateOutput(Tensor<T> input)
    {
        int dim = Axis(input);
        Output.Truncate(0);
        for (int i = 0; i < input.Size(dim); i++) Output.Insert(input.Select(dim, i));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Table gradOutput)
    {
        int dim = Axis(input);
        if (gradOutput.Count != input.Size(dim))
            throw new ArgumentException($"expected gradOutput with {input.Size(dim)} slices, got {Activity.Describe(gradOutput)}", nameof(gradOutput));
        GradInput.ResizeAs(input);
        for (int i = 0; i < gradOutput.Count; i++) GradInput.Select(dim, i).Copy(gradOutput[i].ToTensor<T>());
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Dimension}, {NInputDims})";

    private int Axis(Tensor<T> input)
    {
        int dim = Dimension < 0 ? Dimension + input.Dim() : Dimension + (NInputDims > 0 && input.Dim() > NInputDims ? 1 : 0);
        Require.Shape(dim >= 0 && dim < input.Dim(), $"an input with dimension {dim}", input);
        return dim;
    }
}
