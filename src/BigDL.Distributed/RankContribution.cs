namespace BigDL.Distributed;

/// <summary>What one rank brings to an all-reduce step: the gradient (in the rank's flat gradient) is of <see cref="Records"/> records.</summary>
/// <param name="Loss">The loss over the records that contributed.</param>
/// <param name="Records">The records the gradient is of (0: the rank contributes nothing).</param>
/// <param name="ShareRecords">The records of the rank's share of the batch; more than <paramref name="Records"/> when drop-slow left replicas out.</param>
/// <param name="DroppedReplicas">The rank's replicas left out for being late.</param>
public readonly record struct RankContribution(double Loss, long Records, long ShareRecords, int DroppedReplicas);
