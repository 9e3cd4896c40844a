namespace BigDL.Optim;

/// <summary>
/// What an optimizer reports while it trains, to every subscriber of its <see cref="IObservable{T}"/> (a notebook's live
/// chart, the command line's progress bar): on the training thread, in order, as it happens. The library itself never
/// writes to the console.
/// </summary>
/// <param name="Epoch">The epoch the event belongs to (1-based).</param>
/// <param name="Iteration">Iterations completed when the event is raised.</param>
public abstract record TrainingEvent(int Epoch, int Iteration);
