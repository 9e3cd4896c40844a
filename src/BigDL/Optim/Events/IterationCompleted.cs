namespace BigDL.Optim;

/// <summary>One iteration (forward, backward, update on one mini-batch) is done.</summary>
/// <param name="Epoch">The iteration's epoch (1-based).</param>
/// <param name="Iteration">Iterations completed, this one included.</param>
/// <param name="Loss">The batch's loss.</param>
/// <param name="Records">Records in the batch.</param>
/// <param name="RecordsInEpoch">Records of this epoch done so far.</param>
/// <param name="EpochSize">Records in one epoch.</param>
/// <param name="RecordsPerSecond">The iteration's throughput (data included).</param>
/// <param name="LearningRate">The learning rate the update used.</param>
/// <param name="Elapsed">Time since training (or its resumption) started.</param>
public sealed record IterationCompleted(int Epoch, int Iteration, double Loss, int Records, long RecordsInEpoch, long EpochSize,
    double RecordsPerSecond, double LearningRate, TimeSpan Elapsed) : TrainingEvent(Epoch, Iteration);
