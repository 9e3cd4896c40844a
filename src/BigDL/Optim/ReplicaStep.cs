namespace BigDL.Optim;

/// <summary>What droppable replicas computed of one batch by the deadline.</summary>
/// <param name="Loss">The loss of the replicas done (0 when none was).</param>
/// <param name="Records">The records of the replicas done: the ones the gradient is of.</param>
/// <param name="Replicas">The replicas the batch was cut over.</param>
/// <param name="Seconds">How long each replica done took, from the start of the batch.</param>
internal readonly record struct ReplicaStep(double Loss, int Records, int Replicas, double[] Seconds)
{
    /// <summary>The replicas left out for being late.</summary>
    public int Dropped => Replicas - Seconds.Length;
}
