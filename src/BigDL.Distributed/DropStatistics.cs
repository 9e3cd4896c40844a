namespace BigDL.Distributed;

/// <summary>What the drop-slow option did in a training run (<see cref="DropSlowPolicy"/>).</summary>
/// <param name="Iterations">Iterations trained in the run.</param>
/// <param name="DroppedReplicas">Replica runs left out for being late, over all ranks and iterations.</param>
/// <param name="DroppedRecords">Records of the batches whose gradient was left out with them.</param>
/// <param name="DiscardedIterations">Iterations whose update was discarded: too few records made it in time.</param>
/// <param name="ThresholdSeconds">The threshold in force at the end (null: none learned yet).</param>
public readonly record struct DropStatistics(int Iterations, long DroppedReplicas, long DroppedRecords, int DiscardedIterations, double? ThresholdSeconds)
{
    /// <summary>These statistics with iteration <paramref name="result"/> added, and the threshold now in force.</summary>
    internal DropStatistics Add(AllReduceResult result, double? thresholdSeconds) => new(
        Iterations + 1, DroppedReplicas + result.DroppedReplicas, DroppedRecords + result.BatchRecords - result.Records,
        DiscardedIterations + (result.Applied ? 0 : 1), thresholdSeconds);
}
