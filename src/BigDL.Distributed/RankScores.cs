using BigDL.Optim;

namespace BigDL.Distributed;

/// <summary>Validation computed on every rank's share of the validation batches, merged into the result over all of them.</summary>
internal static class RankScores
{
    /// <summary>
    /// The ranks' results (one per validation method) merged in rank order, the counts combined; ranks without records
    /// (null) are left out; null when no rank had records.
    /// </summary>
    /// <exception cref="ArgumentException">Two ranks returned results of different validation methods.</exception>
    public static ValidationResult[]? Merge(IEnumerable<ValidationResult[]?> byRank)
    {
        ValidationResult[]? merged = null;
        foreach (var results in byRank)
        {
            if (results is null) continue;
            if (merged is not null && merged.Length != results.Length)
                throw new ArgumentException($"expected every rank's results of {merged.Length} validation methods, got {results.Length}", nameof(byRank));
            merged = merged is null ? results : [.. merged.Zip(results, (a, b) => a + b)];
        }
        return merged;
    }
}
