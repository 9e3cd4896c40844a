using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Batch normalisation of a batch [N, nOutput]: y = (x − μ)/√(σ² + eps)·weight + bias per feature, with μ, σ² of
/// the batch in training (and running estimates updated with <c>momentum</c>), the running estimates in evaluation.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.BatchNormalization</c> (PyTorch <c>nn.BatchNorm1d</c>). Weight starts U(0, 1) and bias 0, as
/// BigDL. The running variance uses the unbiased batch variance. A single sample [nOutput] is accepted in evaluation
/// mode only. <see cref="SpatialBatchNormalization{T}"/> applies the same per channel of [N, C, H, W].
/// </remarks>
public class BatchNormalization<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>? _initWeight;
    private readonly Tensor<T>? _initBias;
    private double[] _mean = [];
    private double[] _invStd = [];
    private double[] _sumG = [];
    private double[] _sumGXhat = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="nOutput">Features (channels) to normalise.</param>
    /// <param name="eps">Added to the variance for stability (default 1e-5).</param>
    /// <param name="momentum">Weight of the batch statistics in the running estimates (default 0.1).</param>
    /// <param name="affine">Whether to learn a scale and shift (default true).</param>
    /// <param name="initWeight">Initial scale [nOutput], kept by <see cref="Reset"/>; null: U(0, 1).</param>
    /// <param name="initBias">Initial shift [nOutput], kept by <see cref="Reset"/>; null: 0.</param>
    /// <exception cref="ArgumentException">nOutput is not positive, eps is negative, momentum is outside [0, 1], or an initial tensor has the wrong size.</exception>
    public BatchNormalization(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true,
        Tensor<T>? initWeight = null, Tensor<T>? initBias = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nOutput);
        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        if (!(momentum >= 0 && momentum <= 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1]");
        (NOutput, Eps, Momentum, Affine) = (nOutput, eps, momentum, affine);
        RunningMean = new Tensor<T>(nOutput);
        RunningVar = Tensor<T>.Ones(nOutput);
        if (affine)
        {
            Weight = new Tensor<T>(nOutput);
            Bias = new Tensor<T>(nOutput);
            GradWeight = new Tensor<T>(nOutput);
            GradBias = new Tensor<T>(nOutput);
        }
        foreach (var (init, name) in new[] { (initWeight, nameof(initWeight)), (initBias, nameof(initBias)) })
            if (init is not null) Require.Shape(affine && init.NElement() == nOutput, $"[{nOutput}] (with affine true)", init, name);
        _initWeight = initWeight?.Contiguous().View(nOutput).Clone();
        _initBias = initBias?.Contiguous().View(nOutput).Clone();
        Reset();
    }

    /// <summary>Number of features (channels).</summary>
    public int NOutput { get; }

    /// <summary>Added to the variance.</summary>
    public double Eps { get; }

    /// <summary>Weight of each batch in the running estimates.</summary>
    public double Momentum { get; }

    /// <summary>Whether a scale and shift are learned.</summary>
    public bool Affine { get; }

    /// <summary>Running mean per feature, used in evaluation (not a learned parameter).</summary>
    public Tensor<T> RunningMean { get; }

    /// <summary>Running (unbiased) variance per feature, used in evaluation (not a learned parameter).</summary>
    public Tensor<T> RunningVar { get; }

    /// <summary>Learned scale [nOutput], or null when not affine.</summary>
    public Tensor<T>? Weight { get; }

    /// <summary>Learned shift [nOutput], or null when not affine.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Gradient of the scale, or null.</summary>
    public Tensor<T>? GradWeight { get; }

    /// <summary>Gradient of the shift, or null.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        var format = new VariableFormat(NOutput, NOutput);
        if (Weight is not null)
        {
            if (_initWeight is not null) Weight.Copy(_initWeight);
            else (WeightInitMethod ?? new RandomUniform(0, 1)).Init(Weight, format);
        }
        if (Bias is not null)
        {
            if (_initBias is not null) Bias.Copy(_initBias);
            else (BiasInitMethod ?? new Zeros()).Init(Bias, format);
        }
        RunningMean.Zero();
        RunningVar.Fill(T.One);
    }

    /// <summary>The input as [N, C, L] and whether it is a single sample (only allowed in evaluation).</summary>
    private protected virtual BatchNormKernel.Layout Layout(Tensor<T> input)
    {
        Require.Shape(input.Dim() == 2 && input.Size(1) == NOutput || input.Dim() == 1 && input.Size(0) == NOutput && !IsTraining,
            $"input [N, {NOutput}] (or [{NOutput}] in evaluation mode)", input);
        return input.Dim() == 1 ? new(1, NOutput, 1) : new(input.Size(0), NOutput, 1);
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var layout = Layout(input);
        Require.Shape(!IsTraining || layout.N * layout.L > 1, "more than one value per channel in training mode", input);
        var x = input.Contiguous();
        EnsureBuffers(layout.C);
        if (IsTraining)
        {
            BatchNormKernel.BatchStatistics(layout, x.Data, x.Offset, _mean, _invStd, Eps);
            UpdateRunningEstimates(layout.N * layout.L);
        }
        else
        {
            for (int c = 0; c < layout.C; c++)
            {
                _mean[c] = double.CreateTruncating(RunningMean[c]);
                _invStd[c] = 1 / Math.Sqrt(double.CreateTruncating(RunningVar[c]) + Eps);
            }
        }
        Output.ResizeAs(input);
        BatchNormKernel.Normalize(layout, x.Data, x.Offset, Output.Data, Output.Offset, _mean, _invStd,
            Weight?.Data, Weight?.Offset ?? 0, Bias?.Data, Bias?.Offset ?? 0);
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var layout = Layout(input);
        Require.SameShape(gradOutput, Output);
        var x = input.Contiguous();
        var g = gradOutput.Contiguous();
        BatchNormKernel.GradientSums(layout, x.Data, x.Offset, g.Data, g.Offset, _mean, _invStd, _sumG, _sumGXhat);
        GradInput.ResizeAs(input);
        BatchNormKernel.InputGradient(layout, x.Data, x.Offset, g.Data, g.Offset, GradInput.Data, GradInput.Offset, _mean, _invStd,
            _sumG, _sumGXhat, Weight?.Data, Weight?.Offset ?? 0, IsTraining);
        return GradInput;
    }

    /// <inheritdoc/>
    protected sealed override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        if (GradWeight is null || GradBias is null) return;
        for (int c = 0; c < NOutput; c++)
        {
            GradWeight[c] += WeightScale * T.CreateTruncating(_sumGXhat[c]);
            GradBias[c] += BiasScale * T.CreateTruncating(_sumG[c]);
        }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Weight is null ? ([], []) : ([Weight, Bias!], [GradWeight!, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PrintName}({NOutput}, {Eps}, {Momentum}, {Affine})");

    private void UpdateRunningEstimates(int count)
    {
        double unbias = count > 1 ? count / (count - 1.0) : 1;
        for (int c = 0; c < NOutput; c++)
        {
            double variance = 1 / (_invStd[c] * _invStd[c]) - Eps;
            RunningMean[c] = T.CreateTruncating(Momentum * _mean[c] + (1 - Momentum) * double.CreateTruncating(RunningMean[c]));
            RunningVar[c] = T.CreateTruncating(Momentum * variance * unbias + (1 - Momentum) * double.CreateTruncating(RunningVar[c]));
        }
    }

    private void EnsureBuffers(int channels)
    {
        if (_mean.Length == channels) return;
        _mean = new double[channels];
        _invStd = new double[channels];
        _sumG = new double[channels];
        _sumGXhat = new double[channels];
    }
}
