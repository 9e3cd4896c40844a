using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Identity forward; backward multiplies the gradient by −lambda (domain-adversarial training).</summary>
/// <remarks>BigDL's <c>nn.GradientReversal</c>.</remarks>
/// <param name="lambda">Scale of the reversed gradient (default 1).</param>
public sealed class GradientReversal<T>(double lambda = 1) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Scale of the reversed gradient.</summary>
    public double Lambda { get; } = lambda;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Output.ResizeAs(input).Copy(input);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput).Mul(T.CreateTruncating(-Lambda));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Lambda})");
}
