namespace BigDL.Distributed;

/// <summary>What one all-reduce step leaves every rank with, identical on all of them.</summary>
/// <param name="Loss">The global batch's loss: the record-weighted mean of the ranks' losses (their sum for criteria that sum).</param>
/// <param name="Records">The records of the global batch that contributed to the gradient, summed over the ranks.</param>
/// <param name="LearningRate">The learning rate this rank's optim method used for the step.</param>
public readonly record struct AllReduceResult(double Loss, long Records, double LearningRate)
{
    /// <summary>The records of the global batch, contributing or not (more than <see cref="Records"/> when drop-slow left replicas out).</summary>
    public long BatchRecords { get; init; } = Records;

    /// <summary>The replicas drop-slow left out of this iteration, over all ranks.</summary>
    public int DroppedReplicas { get; init; }

    /// <summary>Whether the update was applied; false when too few records contributed (<see cref="AllReduceParameter{T}.MinimumContribution"/>).</summary>
    public bool Applied { get; init; } = true;
}
