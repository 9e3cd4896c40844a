using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Dice loss per sample of predictions x and targets y (rows of [N, …] or one sample):
/// 1 − (2·Σxy + ε) / (Σx + Σy + ε), averaged over samples by default.
/// </summary>
/// <remarks>BigDL's <c>DiceCoefficientCriterion</c> (segmentation).</remarks>
/// <param name="sizeAverage">Average over samples (default true).</param>
/// <param name="epsilon">Smoothing ε (default 1).</param>
public sealed class DiceCoefficientCriterion<T>(bool sizeAverage = true, double epsilon = 1) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the loss is averaged over samples.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <summary>Smoothing ε.</summary>
    public double Epsilon { get; } = epsilon;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        var (x, y, n, d) = Rows(input, target);
        double sum = 0;
        for (int r = 0; r < n; r++)
        {
            var (inter, total) = Sums(x, y, r, d);
            sum += 1 - (2 * inter + Epsilon) / (total + Epsilon);
        }
        return T.CreateTruncating(SizeAverage ? sum / n : sum);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        var (x, y, n, d) = Rows(input, target);
        GradInput.ResizeAs(input);
        var g = GradInput.AsSpan();
        double scale = SizeAverage ? 1.0 / n : 1;
        for (int r = 0; r < n; r++)
        {
            var (inter, total) = Sums(x, y, r, d);
            double num = 2 * inter + Epsilon, den = total + Epsilon;
            for (int i = 0; i < d; i++)
            {
                double yi = double.CreateTruncating(y[r * d + i]);
                g[r * d + i] = T.CreateTruncating(-scale * (2 * yi * den - num) / (den * den));
            }
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"nn.DiceCoefficientCriterion({Epsilon})");

    private static (double Intersection, double Total) Sums(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int row, int d)
    {
        double inter = 0, total = 0;
        for (int i = row * d; i < (row + 1) * d; i++)
        {
            double xi = double.CreateTruncating(x[i]), yi = double.CreateTruncating(y[i]);
            inter += xi * yi;
            total += xi + yi;
        }
        return (inter, total);
    }

    private static (T[] X, T[] Y, int N, int D) Rows(Tensor<T> input, Tensor<T> target)
    {
        if (input.NElement() != target.NElement() || input.Dim() == 0)
            throw new ArgumentException($"expected target with the input's shape {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
        int n = input.Dim() == 1 ? 1 : input.Size(0);
        return (input.Contiguous().AsSpan().ToArray(), target.Contiguous().AsSpan().ToArray(), n, input.NElement() / n);
    }
}
