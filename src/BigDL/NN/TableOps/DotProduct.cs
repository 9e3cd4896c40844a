using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Row-wise dot products of a table of two tensors [D] or [N, D]: output [1] or [N].</summary>
/// <remarks>BigDL/Torch <c>nn.DotProduct</c>.</remarks>
public sealed class DotProduct<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (a, b) = RowPair(input);
        Output.Resize(a.Size(0));
        for (int i = 0; i < a.Size(0); i++) Output[i] = a.Select(0, i).Dot(b.Select(0, i));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = RowPair(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(2);
        var ga = GradientBuffer(0, a).Copy(b);
        var gb = GradientBuffer(1, b).Copy(a);
        for (int i = 0; i < a.Size(0); i++)
        {
            ga.Select(0, i).Mul(gradOutput[i]);
            gb.Select(0, i).Mul(gradOutput[i]);
        }
        if (((Tensor<T>)input[0]).Dim() == 1)
        {
            GradInput[0] = ga.View(a.Size(1));
            GradInput[1] = gb.View(b.Size(1));
        }
        return GradInput;
    }
}
