namespace BigDL.Optim;

/// <summary>The validation set was scored.</summary>
/// <param name="Epoch">The epoch training is in (1-based; after an epoch's last iteration, the next one).</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Results">Each validation method's name and result, in the order they were given.</param>
/// <param name="Duration">How long the validation took.</param>
public sealed record ValidationCompleted(int Epoch, int Iteration, IReadOnlyList<(string Method, ValidationResult Result)> Results, TimeSpan Duration)
    : TrainingEvent(Epoch, Iteration);
