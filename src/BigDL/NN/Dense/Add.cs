using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Adds a learnable bias [inputSize] to a vector [inputSize] or to each row of a batch [N, inputSize].</summary>
/// <remarks>BigDL/Torch <c>nn.Add</c>. The bias starts U(±1/√inputSize).</remarks>
public sealed class Add<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Features of the input.</param>
    public Add(int inputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        InputSize = inputSize;
        Bias = new Tensor<T>(inputSize);
        GradBias = new Tensor<T>(inputSize);
        Reset();
    }

    /// <summary>Features of the input.</summary>
    public int InputSize { get; }

    /// <summary>The learnable bias.</summary>
    public Tensor<T> Bias { get; }

    /// <summary>Gradient of the bias.</summary>
    public Tensor<T> GradBias { get; }

    /// <inheritdoc/>
    public override void Reset() => (BiasInitMethod ?? new RandomUniform()).Init(Bias, new VariableFormat(InputSize, InputSize));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 1 or 2 && input.Size(-1) == InputSize, $"input [{InputSize}] or [N, {InputSize}]", input);
        Output.ResizeAs(input).Copy(input).Add(Bias);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput) =>
        GradBias.Add(BiasScale, gradOutput.Dim() == 1 ? gradOutput : gradOutput.Sum(0).View(InputSize));

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Bias], [GradBias]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize})";
}
