using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Bilinear form of a table (x₁ [N, inputSize1], x₂ [N, inputSize2]): y[n, k] = x₁[n]ᵀ·W_k·x₂[n] + b_k, giving [N, outputSize].
/// </summary>
/// <remarks>BigDL/Torch <c>nn.Bilinear</c> (PyTorch <c>nn.Bilinear</c>). Weight [outputSize, inputSize1, inputSize2]; both start U(±1/√inputSize1).</remarks>
public sealed class Bilinear<T> : AbstractModule<Table, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize1">Features of the first input.</param>
    /// <param name="inputSize2">Features of the second input.</param>
    /// <param name="outputSize">Features out.</param>
    /// <param name="biasRes">Whether to add a learnable bias (default true).</param>
    public Bilinear(int inputSize1, int inputSize2, int outputSize, bool biasRes = true) : base(new Tensor<T>(), new Table())
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        (InputSize1, InputSize2, OutputSize) = (inputSize1, inputSize2, outputSize);
        Weight = new Tensor<T>(outputSize, inputSize1, inputSize2);
        GradWeight = new Tensor<T>(outputSize, inputSize1, inputSize2);
        if (biasRes)
        {
            Bias = new Tensor<T>(outputSize);
            GradBias = new Tensor<T>(outputSize);
        }
        Reset();
    }

    /// <summary>Features of the first input.</summary>
    public int InputSize1 { get; }

    /// <summary>Features of the second input.</summary>
    public int InputSize2 { get; }

    /// <summary>Features out.</summary>
    public int OutputSize { get; }

    /// <summary>The forms W_k, [outputSize, inputSize1, inputSize2].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the forms.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias [outputSize], or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Whether the layer has a bias (BigDL's <c>biasRes</c>).</summary>
    public bool BiasRes => Bias is not null;

    /// <summary>Gradient of the bias, or null.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        var format = new VariableFormat(InputSize1, OutputSize);
        (WeightInitMethod ?? new RandomUniform()).Init(Weight, format);
        if (Bias is not null) (BiasInitMethod ?? new RandomUniform()).Init(Bias, format);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (a, b) = Check(input);
        int n = a.Size(0);
        Output.Resize(n, OutputSize);
        for (int k = 0; k < OutputSize; k++)
        {
            var projected = new Tensor<T>(n, InputSize2).AddMM(T.Zero, T.One, a, Weight.Select(0, k));   // x₁·W_k
            for (int r = 0; r < n; r++) Output[r, k] = projected.Select(0, r).Dot(b.Select(0, r)) + (Bias is null ? T.Zero : Bias[k]);
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = Check(input);
        Require.SameShape(gradOutput, Output);
        int n = a.Size(0);
        var da = new Tensor<T>(n, InputSize1);
        var db = new Tensor<T>(n, InputSize2);
        for (int k = 0; k < OutputSize; k++)
        {
            var w = Weight.Select(0, k);
            var gk = gradOutput.Select(1, k).Contiguous().View(n, 1);
            da.Add(new Tensor<T>(n, InputSize1).AddMM(T.Zero, T.One, b, w.T()).CMul(gk.Expand(n, InputSize1)));   // g·(W_k·x₂)
            db.Add(new Tensor<T>(n, InputSize2).AddMM(T.Zero, T.One, a, w).CMul(gk.Expand(n, InputSize2)));      // g·(W_kᵀ·x₁)
        }
        GradInput.Truncate(0).Insert(da).Insert(db);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = Check(input);
        int n = a.Size(0);
        for (int k = 0; k < OutputSize; k++)
        {
            var gk = gradOutput.Select(1, k).Contiguous().View(n, 1).Expand(n, InputSize1);
            // Σ_n g[n, k]·x₁[n] ⊗ x₂[n] = (g ⊙ x₁)ᵀ·x₂
            GradWeight.Select(0, k).AddMM(T.One, WeightScale, a.Clone().CMul(gk).T(), b);
            if (GradBias is not null) GradBias[k] += BiasScale * gradOutput.Select(1, k).Sum();
        }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Bias is null ? ([Weight], [GradWeight]) : ([Weight, Bias], [GradWeight, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize1}, {InputSize2} -> {OutputSize})";

    private (Tensor<T> A, Tensor<T> B) Check(Table input)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> a || input[1] is not Tensor<T> b || a.Dim() != 2 || b.Dim() != 2
            || a.Size(1) != InputSize1 || b.Size(1) != InputSize2 || a.Size(0) != b.Size(0))
            throw new ArgumentException($"expected a table ([N, {InputSize1}], [N, {InputSize2}]), got {Activity.Describe(input)}", nameof(input));
        return (a, b);
    }
}
