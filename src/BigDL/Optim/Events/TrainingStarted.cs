namespace BigDL.Optim;

/// <summary>
/// Training is about to run its first iteration (the first event of every run): where it starts and, when the end
/// trigger bounds it, where it will end, so a progress display can show a fraction done.
/// </summary>
/// <param name="Epoch">The epoch training starts in (1-based; later than 1 when resumed from a checkpoint).</param>
/// <param name="Iteration">Iterations already completed (0 unless resumed).</param>
/// <param name="RecordsInEpoch">Records of <paramref name="Epoch"/> already trained on (0 unless resumed mid-epoch).</param>
/// <param name="EpochSize">Records in one epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch as the first batch's size implies (every batch full but the last), or null
/// when there is no batch.</param>
/// <param name="PlannedEpochs">The epoch count after which the end trigger fires at the latest (<see cref="Trigger.EpochLimit"/>), or null.</param>
/// <param name="PlannedIterations">The iteration count after which the end trigger fires at the latest (<see cref="Trigger.IterationLimit"/>), or null.</param>
public sealed record TrainingStarted(int Epoch, int Iteration, long RecordsInEpoch, long EpochSize, int? BatchesPerEpoch,
    int? PlannedEpochs, int? PlannedIterations) : TrainingEvent(Epoch, Iteration);
