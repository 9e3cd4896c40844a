using System.Numerics;
using BigDL.DataSets;
using BigDL.Optim;

namespace BigDL.Distributed;

/// <summary>How a global mini-batch is cut over the ranks: contiguous shares that differ by at most one record, as the replicas of one rank cut theirs.</summary>
internal static class BatchShares
{
    /// <summary>Rank <paramref name="rank"/>'s share of <paramref name="batch"/> over <paramref name="ranks"/> ranks; null when it has no record.</summary>
    public static MiniBatch<T>? Of<T>(MiniBatch<T> batch, int ranks, int rank) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (offset, length) = ModelReplicas<T>.Slice(batch.Size, ranks, rank);
        return length == 0 ? null : batch.Slice(offset, length);
    }

    /// <summary>Rank <paramref name="rank"/>'s shares of each of <paramref name="batches"/> over <paramref name="ranks"/> ranks, leaving out batches where it has no record.</summary>
    public static IEnumerable<MiniBatch<T>> Of<T>(IEnumerable<MiniBatch<T>> batches, int ranks, int rank) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var batch in batches)
            if (Of(batch, ranks, rank) is { } share) yield return share;
    }
}
