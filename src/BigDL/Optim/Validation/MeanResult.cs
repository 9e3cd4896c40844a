using System.Globalization;

namespace BigDL.Optim;

/// <summary>A mean (of a loss, an absolute error) kept as its sum and count so it merges exactly.</summary>
/// <remarks>BigDL's <c>LossResult</c> and <c>ContiguousResult</c>; <see cref="Name"/> says which.</remarks>
public sealed class MeanResult : ValidationResult
{
    /// <summary>A mean of <paramref name="sum"/> over <paramref name="count"/> records or elements.</summary>
    public MeanResult(string name, double sum, long count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Name = name;
        Sum = sum;
        Count = count;
    }

    /// <summary>What is averaged, e.g. <c>Loss</c> or <c>MAE</c>.</summary>
    public string Name { get; }

    /// <summary>The total.</summary>
    public double Sum { get; }

    /// <summary>How many terms the total has.</summary>
    public long Count { get; }

    /// <summary>Sum / Count (0 for no terms).</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <inheritdoc/>
    public override (double Value, long Count) Result => (Mean, Count);

    /// <inheritdoc/>
    public override ValidationResult Merge(ValidationResult other)
    {
        var o = Same<MeanResult>(other);
        if (o.Name != Name) throw new ArgumentException($"cannot merge a {Name} result with a {o.Name} result", nameof(other));
        return new MeanResult(Name, Sum + o.Sum, Count + o.Count);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}(mean: {Mean:G6}, count: {Count})");
}
