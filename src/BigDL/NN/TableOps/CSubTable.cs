using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The difference of a table of two tensors: x₀ − x₁.</summary>
/// <remarks>BigDL/Torch <c>nn.CSubTable</c>.</remarks>
public sealed class CSubTable<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var x = Tensors(input);
        if (x.Length != 2) throw new ArgumentException($"expected a table of exactly 2 tensors, got {Activity.Describe(input)}", nameof(input));
        Output.ResizeAs(x[0]).Copy(x[0]).Sub(x[1]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var x = Tensors(input);
        if (x.Length != 2) throw new ArgumentException($"expected a table of exactly 2 tensors, got {Activity.Describe(input)}", nameof(input));
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(x.Length);
        GradientBuffer(0, x[0]).Copy(gradOutput);
        GradientBuffer(1, x[1]).Copy(gradOutput).Neg();
        return GradInput;
    }
}
