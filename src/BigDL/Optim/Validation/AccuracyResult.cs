using System.Globalization;

namespace BigDL.Optim;

/// <summary>How many of <see cref="Count"/> records were classified correctly.</summary>
/// <remarks>BigDL's <c>AccuracyResult</c>; prints as <c>Accuracy(correct: 9876, count: 10000, accuracy: 0.9876)</c>.</remarks>
public sealed class AccuracyResult : ValidationResult
{
    /// <summary>A result of <paramref name="correct"/> right out of <paramref name="count"/>.</summary>
    public AccuracyResult(long correct, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (correct < 0 || correct > count)
            throw new ArgumentOutOfRangeException(nameof(correct), correct, $"correct must lie in [0, {count}]");
        Correct = correct;
        Count = count;
    }

    /// <summary>Records classified correctly.</summary>
    public long Correct { get; }

    /// <summary>Records seen.</summary>
    public long Count { get; }

    /// <summary>Correct / Count (0 for no records).</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <inheritdoc/>
    public override (double Value, long Count) Result => (Accuracy, Count);

    /// <inheritdoc/>
    public override ValidationResult Merge(ValidationResult other)
    {
        var o = Same<AccuracyResult>(other);
        return new AccuracyResult(Correct + o.Correct, Count + o.Count);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Accuracy(correct: {Correct}, count: {Count}, accuracy: {Accuracy:0.####})");
}
