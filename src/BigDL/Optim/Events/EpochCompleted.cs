namespace BigDL.Optim;

/// <summary>The last iteration of an epoch is done.</summary>
/// <param name="Epoch">The epoch completed (1-based).</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Duration">How long the epoch took.</param>
/// <param name="Records">Records trained on in the epoch.</param>
public sealed record EpochCompleted(int Epoch, int Iteration, TimeSpan Duration, long Records) : TrainingEvent(Epoch, Iteration);
