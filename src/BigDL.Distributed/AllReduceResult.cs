namespace BigDL.Distributed;

/// <summary>What one all-reduce step leaves every rank with, identical on all of them.</summary>
/// <param name="Loss">The global batch's loss: the record-weighted mean of the ranks' losses (their sum for criteria that sum).</param>
/// <param name="Records">The records of the global batch, summed over the ranks.</param>
/// <param name="LearningRate">The learning rate this rank's optim method used for the step.</param>
public readonly record struct AllReduceResult(double Loss, long Records, double LearningRate);
