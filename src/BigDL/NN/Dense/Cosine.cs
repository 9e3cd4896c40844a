using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Cosine similarity of the input to each of <c>outputSize</c> learnable vectors: y_j = cos(x, w_j) for x [inputSize]
/// or each row of [N, inputSize]; the weight is [outputSize, inputSize].
/// </summary>
/// <remarks>BigDL/Torch <c>nn.Cosine</c>. Weight starts U(±1/√inputSize).</remarks>
public sealed class Cosine<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double Eps = 1e-12;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Features of the input.</param>
    /// <param name="outputSize">Number of learnable vectors.</param>
    public Cosine(int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        (InputSize, OutputSize) = (inputSize, outputSize);
        Weight = new Tensor<T>(outputSize, inputSize);
        GradWeight = new Tensor<T>(outputSize, inputSize);
        Reset();
    }

    /// <summary>Features of the input.</summary>
    public int InputSize { get; }

    /// <summary>Number of learnable vectors.</summary>
    public int OutputSize { get; }

    /// <summary>The vectors as rows [outputSize, inputSize].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the vectors.</summary>
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
            {
                var (dot, nx, nw) = Terms(x.Select(0, r), Weight.Select(0, j));
                y[r, j] = T.CreateTruncating(dot / (nx * nw));
            }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var x = Rows(input);
        var g = gradOutput.Contiguous().View(x.Size(0), OutputSize);
        GradInput.ResizeAs(input).Zero();
        var dx = GradInput.View(x.Size(0), InputSize);
        for (int r = 0; r < x.Size(0); r++)
            for (int j = 0; j < OutputSize; j++)
            {
                var row = x.Select(0, r);
                var w = Weight.Select(0, j);
                var (dot, nx, nw) = Terms(row, w);
                double gj = double.CreateTruncating(g[r, j]), cos = dot / (nx * nw);
                // ∂cos/∂x = w/(|x||w|) − cos·x/|x|²
                dx.Select(0, r).Add(T.CreateTruncating(gj / (nx * nw)), w).Add(T.CreateTruncating(-gj * cos / (nx * nx)), row);
            }
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var x = Rows(input);
        var g = gradOutput.Contiguous().View(x.Size(0), OutputSize);
        double scale = double.CreateTruncating(WeightScale);
        for (int r = 0; r < x.Size(0); r++)
            for (int j = 0; j < OutputSize; j++)
            {
                var row = x.Select(0, r);
                var w = Weight.Select(0, j);
                var (dot, nx, nw) = Terms(row, w);
                double gj = scale * double.CreateTruncating(g[r, j]), cos = dot / (nx * nw);
                GradWeight.Select(0, j).Add(T.CreateTruncating(gj / (nx * nw)), row).Add(T.CreateTruncating(-gj * cos / (nw * nw)), w);
            }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize} -> {OutputSize})";

    private static (double Dot, double NormX, double NormW) Terms(Tensor<T> x, Tensor<T> w) =>
        (double.CreateTruncating(x.Dot(w)), Math.Sqrt(double.CreateTruncating(x.Dot(x)) + Eps), Math.Sqrt(double.CreateTruncating(w.Dot(w)) + Eps));

    private Tensor<T> Rows(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 1 or 2 && input.Size(-1) == InputSize, $"input [{InputSize}] or [N, {InputSize}]", input);
        return input.Dim() == 1 ? input.View(1, InputSize) : input;
    }
}
