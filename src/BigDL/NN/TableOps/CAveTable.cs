using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The element-wise mean of a table of tensors.</summary>
/// <remarks>BigDL's <c>nn.CAveTable</c>.</remarks>
public sealed class CAveTable<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override int MinimumCount => 1;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var x = Tensors(input);
        Output.ResizeAs(x[0]).Copy(x[0]);
        for (int i = 1; i < x.Length; i++) Output.Add(x[i]);
        Output.Div(T.CreateTruncating(x.Length));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var x = Tensors(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(x.Length);
        for (int i = 0; i < x.Length; i++) GradientBuffer(i, x[i]).Copy(gradOutput).Div(T.CreateTruncating(x.Length));
        return GradInput;
    }
}
