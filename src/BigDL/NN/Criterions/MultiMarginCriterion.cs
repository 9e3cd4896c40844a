using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Multi-class hinge for scores [C] or [N, C] and 0-based targets: per sample Σ_{i≠t} w[t]·max(0, margin − x[t] + x[i])^p / C.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.MultiMarginCriterion</c> (PyTorch <c>nn.MultiMarginLoss</c>); p is 1 or 2. Targets are 0-based.</remarks>
/// <param name="p">Exponent of the hinge: 1 (default) or 2.</param>
/// <param name="weights">Per-class weights [C] applied by target class; null: all 1.</param>
/// <param name="margin">The margin (default 1).</param>
/// <param name="sizeAverage">Average over samples (default true).</param>
public sealed class MultiMarginCriterion<T>(int p = 1, Tensor<T>? weights = null, double margin = 1, bool sizeAverage = true) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Exponent of the hinge.</summary>
    public int P { get; } = p is 1 or 2 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "p must be 1 or 2");

    /// <summary>The margin.</summary>
    public double Margin { get; } = margin;

    /// <summary>Whether the loss is averaged over samples.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <summary>Per-class weights, or null.</summary>
    public Tensor<T>? Weights { get; } = weights;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, labels) = Check(input, target);
        var x = input.Contiguous();
        double sum = 0;
        for (int s = 0; s < n; s++)
            for (int i = 0; i < c; i++)
            {
                if (i == labels[s]) continue;
                double z = Margin - Score(x, s, labels[s], c) + Score(x, s, i, c);
                if (z > 0) sum += ClassWeight(labels[s]) * (P == 1 ? z : z * z);
            }
        return T.CreateTruncating(sum / c / (SizeAverage ? n : 1));
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, labels) = Check(input, target);
        var x = input.Contiguous();
        GradInput.ResizeAs(input).Zero();
        var g = GradInput.AsSpan();
        double scale = 1.0 / c / (SizeAverage ? n : 1);
        for (int s = 0; s < n; s++)
            for (int i = 0; i < c; i++)
            {
                if (i == labels[s]) continue;
                double z = Margin - Score(x, s, labels[s], c) + Score(x, s, i, c);
                if (z <= 0) continue;
                double d = ClassWeight(labels[s]) * (P == 1 ? 1 : 2 * z) * scale;
                g[s * c + i] += T.CreateTruncating(d);
                g[s * c + labels[s]] -= T.CreateTruncating(d);
            }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"nn.MultiMarginCriterion({P}, {Margin})");

    private static double Score(Tensor<T> x, int sample, int cls, int classes) => double.CreateTruncating(x.AsSpan()[sample * classes + cls]);

    private double ClassWeight(int cls) => Weights is null ? 1 : double.CreateTruncating(Weights[cls]);

    private static (int N, int C, int[] Labels) Check(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "input [C] or [N, C] of scores", 1, 2);
        int n = input.Dim() == 1 ? 1 : input.Size(0), c = input.Size(-1);
        if (target.NElement() != n)
            throw new ArgumentException($"expected {n} targets for input {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
        var labels = target.Contiguous().AsSpan().ToArray().Select(v => int.CreateTruncating(v)).ToArray();
        for (int i = 0; i < n; i++)
            if (labels[i] < 0 || labels[i] >= c)
                throw new ArgumentException($"target {labels[i]} at row {i} is outside [0, {c}); labels are 0-based (BigDL Scala used 1-based)", nameof(target));
        return (n, c, labels);
    }
}
