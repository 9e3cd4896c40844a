using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The element-wise product of a table of tensors.</summary>
/// <remarks>BigDL/Torch <c>nn.CMulTable</c>. The gradient of element i is gradOutput times the product of the others.</remarks>
public sealed class CMulTable<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var x = Tensors(input);
        Output.ResizeAs(x[0]).Copy(x[0]);
        for (int i = 1; i < x.Length; i++) Output.CMul(x[i]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var x = Tensors(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            var g = GradientBuffer(i, x[i]).Copy(gradOutput);
            for (int j = 0; j < x.Length; j++)
                if (j != i) g.CMul(x[j]);
        }
        return GradInput;
    }
}
