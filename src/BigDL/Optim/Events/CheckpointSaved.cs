namespace BigDL.Optim;

/// <summary>A checkpoint was written.</summary>
/// <param name="Epoch">The epoch training is in (1-based).</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Path">The checkpoint file.</param>
public sealed record CheckpointSaved(int Epoch, int Iteration, string Path) : TrainingEvent(Epoch, Iteration);
