using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Multiplies the input by one learnable scalar.</summary>
/// <remarks>BigDL/Torch <c>nn.Mul</c>. The scalar starts U(−1, 1).</remarks>
public sealed class Mul<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    public Mul()
    {
        Weight = new Tensor<T>(1);
        GradWeight = new Tensor<T>(1);
        Reset();
    }

    /// <summary>The learnable scalar, as a 1-element tensor.</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Its gradient.</summary>
    public Tensor<T> GradWeight { get; }

    /// <inheritdoc/>
    public override void Reset() => (WeightInitMethod ?? new RandomUniform()).Init(Weight, new VariableFormat(1, 1));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Output.ResizeAs(input).Copy(input).Mul(Weight[0]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput).Mul(Weight[0]);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput) =>
        GradWeight[0] += WeightScale * input.Contiguous().Dot(gradOutput.Contiguous().View(input.Size()));

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);
}
