using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Concatenates a table of tensors along <c>dimension</c>.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.JoinTable</c>. The dimension is 0-based (BigDL counts from 1). With <c>nInputDims</c> &gt; 0 and
/// inputs of more dimensions than that, the first dimension is a batch and the dimension shifts by one, as BigDL.
/// </remarks>
/// <param name="dimension">0-based dimension of one sample to join along.</param>
/// <param name="nInputDims">Dimensions of one sample; 0: inputs are never treated as batches.</param>
public sealed class JoinTable<T>(int dimension, int nInputDims = 0) : AbstractModule<Table, Tensor<T>, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based join dimension of one sample.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>Dimensions of one sample (0: no batch rule).</summary>
    public int NInputDims { get; } = nInputDims;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (tensors, dim) = Check(input);
        var size = tensors[0].Size();
        size[dim] = tensors.Sum(t => t.Size(dim));
        Output.Resize(size);
        int offset = 0;
        foreach (var t in tensors)
        {
            Output.Narrow(dim, offset, t.Size(dim)).Copy(t);
            offset += t.Size(dim);
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (tensors, dim) = Check(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(tensors.Length);
        int offset = 0;
        for (int i = 0; i < tensors.Length; i++)
        {
            var buffer = i < GradInput.Count ? GradInput.Get<Tensor<T>>(i) : new Tensor<T>();
            GradInput[i] = buffer.ResizeAs(tensors[i]).Copy(gradOutput.Narrow(dim, offset, tensors[i].Size(dim)));
            offset += tensors[i].Size(dim);
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Dimension}, {NInputDims})";

    private (Tensor<T>[] Tensors, int Dim) Check(Table input)
    {
        Require.Table(input, 1);
        if (input.Any(a => a is not Tensor<T>))
            throw new ArgumentException($"expected a table of tensors, got {Activity.Describe(input)}", nameof(input));
        var tensors = input.Select(a => (Tensor<T>)a).ToArray();
        var first = tensors[0];
        int dim = Dimension < 0 ? Dimension + first.Dim() : Dimension + (NInputDims > 0 && first.Dim() > NInputDims ? 1 : 0);
        bool fits = dim >= 0 && dim < first.Dim() && tensors.All(t => t.Dim() == first.Dim()
            && Enumerable.Range(0, t.Dim()).All(d => d == dim || t.Size(d) == first.Size(d)));
        if (!fits)
            throw new ArgumentException($"expected tensors that agree in every dimension but {dim}, got {Activity.Describe(input)}", nameof(input));
        return (tensors, dim);
    }
}
