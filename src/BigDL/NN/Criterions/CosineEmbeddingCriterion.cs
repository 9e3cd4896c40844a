using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// For a table (x₁, x₂) of rows [D] or [N, D] and targets y of ±1: 1 − cos(x₁, x₂) where y = 1, max(0, cos − margin)
/// where y = −1; averaged over rows by default.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.CosineEmbeddingCriterion</c> (PyTorch <c>nn.CosineEmbeddingLoss</c>).</remarks>
/// <param name="margin">Margin for dissimilar pairs (default 0).</param>
/// <param name="sizeAverage">Average over rows (default true).</param>
public sealed class CosineEmbeddingCriterion<T>(double margin = 0, bool sizeAverage = true) : AbstractCriterion<Table, Tensor<T>, T>(new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double Eps = 1e-12;

    /// <summary>Margin for dissimilar pairs.</summary>
    public double Margin { get; } = margin;

    /// <summary>Whether the loss is averaged over rows.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        double sum = 0;
        for (int r = 0; r < a.Size(0); r++)
        {
            double cos = Cosine(a.Select(0, r), b.Select(0, r), out _, out _, out _);
            sum += y[r] > 0 ? 1 - cos : Math.Max(0, cos - Margin);
        }
        return T.CreateTruncating(SizeAverage ? sum / a.Size(0) : sum);
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        var ga = new Tensor<T>(a.Size());
        var gb = new Tensor<T>(b.Size());
        double scale = SizeAverage ? 1.0 / a.Size(0) : 1;
        for (int r = 0; r < a.Size(0); r++)
        {
            var ra = a.Select(0, r);
            var rb = b.Select(0, r);
            double cos = Cosine(ra, rb, out _, out double na, out double nb);
            double sign = y[r] > 0 ? -1 : cos - Margin > 0 ? 1 : 0;
            if (sign == 0) continue;
            // ∂cos/∂a = b/(|a||b|) − cos·a/|a|²
            ga.Select(0, r).Copy(rb).Mul(T.CreateTruncating(1 / (na * nb))).Add(T.CreateTruncating(-cos / (na * na)), ra).Mul(T.CreateTruncating(sign * scale));
            gb.Select(0, r).Copy(ra).Mul(T.CreateTruncating(1 / (na * nb))).Add(T.CreateTruncating(-cos / (nb * nb)), rb).Mul(T.CreateTruncating(sign * scale));
        }
        bool vector = ((Tensor<T>)input[0]).Dim() == 1;
        GradInput.Truncate(0).Insert(vector ? ga.View(a.Size(1)) : ga).Insert(vector ? gb.View(b.Size(1)) : gb);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"nn.CosineEmbeddingCriterion({Margin})");

    private static double Cosine(Tensor<T> a, Tensor<T> b, out double dot, out double na, out double nb)
    {
        dot = double.CreateTruncating(a.Dot(b));
        na = Math.Sqrt(double.CreateTruncating(a.Dot(a)) + Eps);
        nb = Math.Sqrt(double.CreateTruncating(b.Dot(b)) + Eps);
        return dot / (na * nb);
    }

    private static (Tensor<T> A, Tensor<T> B, double[] Y) Check(Table input, Tensor<T> target)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> a || input[1] is not Tensor<T> b || !a.IsSameSizeAs(b) || a.Dim() is not (1 or 2))
            throw new ArgumentException($"expected a table of two tensors [D] or [N, D] of one shape, got {Activity.Describe(input)}", nameof(input));
        if (a.Dim() == 1)
        {
            a = a.View(1, a.Size(0));
            b = b.View(1, b.Size(0));
        }
        if (target.NElement() != a.Size(0))
            throw new ArgumentException($"expected {a.Size(0)} targets of ±1, got {Shape.Format(target.Size())}", nameof(target));
        return (a, b, [.. target.Contiguous().AsSpan().ToArray().Select(v => double.CreateTruncating(v))]);
    }
}
