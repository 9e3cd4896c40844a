using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Ranking hinge for a table (x1, x2) of equal-shaped tensors and a target y of ±1 per element:
/// max(0, −y·(x1 − x2) + margin), averaged over elements by default.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.MarginRankingCriterion</c> (PyTorch <c>nn.MarginRankingLoss</c>).</remarks>
/// <param name="margin">The margin (default 1).</param>
/// <param name="sizeAverage">Average over elements (default true).</param>
public sealed class MarginRankingCriterion<T>(double margin = 1, bool sizeAverage = true) : AbstractCriterion<Table, Tensor<T>, T>(new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The margin.</summary>
    public double Margin { get; } = margin;

    /// <summary>Whether the loss is averaged over elements.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Max(0, -y[i] * (a[i] - b[i]) + Margin);
        return T.CreateTruncating(SizeAverage ? sum / a.Length : sum);
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        var first = input.Get<Tensor<T>>(0);
        var g1 = (GradInput.Count > 0 ? GradInput.Get<Tensor<T>>(0) : new Tensor<T>()).ResizeAs(first);
        var g2 = (GradInput.Count > 1 ? GradInput.Get<Tensor<T>>(1) : new Tensor<T>()).ResizeAs(first);
        var s1 = g1.AsSpan();
        var s2 = g2.AsSpan();
        double scale = SizeAverage ? 1.0 / a.Length : 1;
        for (int i = 0; i < a.Length; i++)
        {
            bool active = -y[i] * (a[i] - b[i]) + Margin > 0;
            s1[i] = T.CreateTruncating(active ? -y[i] * scale : 0);
            s2[i] = T.CreateTruncating(active ? y[i] * scale : 0);
        }
        GradInput.Truncate(0).Insert(g1).Insert(g2);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"nn.MarginRankingCriterion({Margin})");

    private static (double[] A, double[] B, double[] Y) Check(Table input, Tensor<T> target)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> a || input[1] is not Tensor<T> b || !a.IsSameSizeAs(b) || target.NElement() != a.NElement())
            throw new ArgumentException($"expected a table of two equal-shaped tensors and a target with as many ±1 values, got {Activity.Describe(input)} and target {Shape.Format(target.Size())}", nameof(input));
        static double[] Values(Tensor<T> t) => [.. t.Contiguous().AsSpan().ToArray().Select(v => double.CreateTruncating(v))];
        return (Values(a), Values(b), Values(target));
    }
}
