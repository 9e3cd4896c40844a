namespace BigDL.Optim;

/// <summary>Training stopped: its end condition fired, or it was cancelled.</summary>
/// <param name="Epoch">The epoch training was in (1-based).</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Elapsed">Time this run trained.</param>
/// <param name="Records">Records trained on in this run.</param>
/// <param name="Cancelled">Whether it stopped because it was cancelled.</param>
public sealed record TrainingCompleted(int Epoch, int Iteration, TimeSpan Elapsed, long Records, bool Cancelled) : TrainingEvent(Epoch, Iteration);
