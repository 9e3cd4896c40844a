using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Fully connected layer: y = W·x + b for a vector [inputSize] or a batch [N, inputSize].</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Linear</c> (PyTorch <c>nn.Linear</c>). Weight is [outputSize, inputSize], bias [outputSize];
/// both start as U(−1/√inputSize, 1/√inputSize) unless set otherwise. A batch is one GEMM through the BLAS seam.
/// </remarks>
public sealed class Linear<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>? _initWeight;
    private readonly Tensor<T>? _initBias;
    private readonly Tensor<T> _ones = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Features in.</param>
    /// <param name="outputSize">Features out.</param>
    /// <param name="withBias">Whether to add a learnable bias (default true).</param>
    /// <param name="initWeight">Initial weight [outputSize, inputSize], kept by <see cref="Reset"/>; null: random.</param>
    /// <param name="initBias">Initial bias [outputSize], kept by <see cref="Reset"/>; null: random.</param>
    /// <exception cref="ArgumentException">A size is not positive, or an initial tensor has the wrong shape.</exception>
    public Linear(int inputSize, int outputSize, bool withBias = true, Tensor<T>? initWeight = null, Tensor<T>? initBias = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        Weight = new Tensor<T>(outputSize, inputSize);
        GradWeight = new Tensor<T>(outputSize, inputSize);
        if (withBias)
        {
            Bias = new Tensor<T>(outputSize);
            GradBias = new Tensor<T>(outputSize);
        }
        if (initWeight is not null) Require.Shape(initWeight.IsSameSizeAs(Weight), $"[{outputSize}, {inputSize}]", initWeight, nameof(initWeight));
        if (initBias is not null)
        {
            if (!withBias) throw new ArgumentException("initBias given but withBias is false", nameof(initBias));
            Require.Shape(initBias.IsSameSizeAs(Bias!), $"[{outputSize}]", initBias, nameof(initBias));
        }
        _initWeight = initWeight?.Clone();
        _initBias = initBias?.Clone();
        Reset();
    }

    /// <summary>Features in.</summary>
    public int InputSize { get; }

    /// <summary>Features out.</summary>
    public int OutputSize { get; }

    /// <summary>The weight [outputSize, inputSize].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the weight.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias [outputSize], or null without bias.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool WithBias => Bias is not null;

    /// <summary>Gradient of the bias, or null without bias.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        var format = new VariableFormat(InputSize, OutputSize);
        if (_initWeight is not null) Weight.Copy(_initWeight);
        else (WeightInitMethod ?? new RandomUniform()).Init(Weight, format);
        if (Bias is null) return;
        if (_initBias is not null) Bias.Copy(_initBias);
        else (BiasInitMethod ?? new RandomUniform()).Init(Bias, format);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        CheckInput(input);
        if (input.Dim() == 1)
        {
            Output.Resize(OutputSize);
            if (Bias is null) Output.Zero();
            else Output.Copy(Bias);
            Output.AddMV(Weight, input);
        }
        else
        {
            Output.Resize(input.Size(0), OutputSize).AddMM(T.Zero, T.One, input, Weight.T());
            if (Bias is not null) Output.Add(Bias);
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        CheckInput(input);
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input);
        if (input.Dim() == 1) GradInput.AddMV(T.Zero, T.One, Weight.T(), gradOutput);
        else GradInput.AddMM(T.Zero, T.One, gradOutput, Weight);
        return GradInput;
    }

    /// <summary>The weight gradient needs only the input and the output gradient.</summary>
    private protected override bool ParametersNeedNoInputGradient => true;

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        if (input.Dim() == 1)
        {
            GradWeight.AddR(T.One, WeightScale, gradOutput, input);
            GradBias?.Add(BiasScale, gradOutput);
            return;
        }
        GradWeight.AddMM(T.One, WeightScale, gradOutput.T(), input);
        if (GradBias is null) return;
        int batch = input.Size(0);
        if (_ones.NElement() != batch) _ones.Resize(batch).Fill(T.One);
        GradBias.AddMV(T.One, BiasScale, gradOutput.T(), _ones);
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Bias is null ? ([Weight], [GradWeight]) : ([Weight, Bias], [GradWeight, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize} -> {OutputSize}{(Bias is null ? ", without bias" : "")})";

    private void CheckInput(Tensor<T> input) =>
        Require.Shape(input.Dim() is 1 or 2 && input.Size(-1) == InputSize, $"input [{InputSize}] or [N, {InputSize}]", input);
}
