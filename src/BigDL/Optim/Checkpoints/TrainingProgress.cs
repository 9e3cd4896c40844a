namespace BigDL.Optim;

/// <summary>Where a training stood when a checkpoint was written, beyond the optim method's own counters.</summary>
/// <param name="RecordsInEpoch">Records of the current epoch already trained on (0 at an epoch boundary).</param>
public sealed record TrainingProgress(long RecordsInEpoch);
