using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Distance of the input to each of <c>outputSize</c> learnable centres: y_j = ‖x − w_j‖₂ for x [inputSize] or each row
/// of [N, inputSize]; the weight is [inputSize, outputSize] (centres as columns, as BigDL).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.Euclidean</c> (RBF-style layers). Weight starts U(±1/√inputSize).</remarks>
public sealed class Euclidean<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Features of the input.</param>
    /// <param name="outputSize">Number of centres.</param>
    public Euclidean(int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        (InputSize, OutputSize) = (inputSize, outputSize);
        Weight = new Tensor<T>(inputSize, outputSize);
        GradWeight = new Tensor<T>(inputSize, outputSize);
        Reset();
    }

    /// <summary>Features of the input.</summary>
    public int InputSize { get; }

    /// <summary>Number of centres.</summary>
    public int OutputSize { get; }

    /// <summary>The centres as columns [inputSize, outputSize].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the centres.</summary>
    public Tensor<T> GradWeight { get; }

    /// <inheritdoc/>
    public override void Reset() => (WeightInitMethod ?? new RandomUniform()).Init(Weight, new VariableFormat(InputSize, OutputSize));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var x = Rows(input);
        Output.Resize(input.Dim() == 1 ? [OutputSize] : [x.Size(0), OutputSize]);
        var y = Output.View(x.Size(0), OutputSize);
        for (int r = 0; r < x.Size(0); r++)
            for (int j = 0; j < OutputSize; j++)
                y[r, j] = (x.Select(0, r) - Weight.Select(1, j)).Norm();
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var x = Rows(input);
        var g = gradOutput.Contiguous().View(x.Size(0), OutputSize);
        var y = Output.View(x.Size(0), OutputSize);
        GradInput.ResizeAs(input).Zero();
        var dx = GradInput.View(x.Size(0), InputSize);
        for (int r = 0; r < x.Size(0); r++)
            for (int j = 0; j < OutputSize; j++)
                if (y[r, j] > T.Zero) dx.Select(0, r).Add(g[r, j] / y[r, j], x.Select(0, r) - Weight.Select(1, j));
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var x = Rows(input);
        var g = gradOutput.Contiguous().View(x.Size(0), OutputSize);
        var y = Output.View(x.Size(0), OutputSize);
        for (int r = 0; r < x.Size(0); r++)
            for (int j = 0; j < OutputSize; j++)
                if (y[r, j] > T.Zero) GradWeight.Select(1, j).Add(-WeightScale * g[r, j] / y[r, j], x.Select(0, r) - Weight.Select(1, j));
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize} -> {OutputSize})";

    private Tensor<T> Rows(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 1 or 2 && input.Size(-1) == InputSize, $"input [{InputSize}] or [N, {InputSize}]", input);
        return input.Dim() == 1 ? input.View(1, InputSize) : input;
    }
}
