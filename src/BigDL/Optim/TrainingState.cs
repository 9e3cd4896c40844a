namespace BigDL.Optim;

/// <summary>Where training stands, as triggers see it after each iteration.</summary>
/// <remarks>BigDL keeps these in the optim method's state table ("epoch", "neval", "Loss", "score").</remarks>
/// <param name="Epoch">The current epoch, 1-based: after the last iteration of epoch 1 it is already 2.</param>
/// <param name="Iteration">The number the next iteration will have, 1-based (BigDL's "neval"): after 10 iterations it is 11.</param>
/// <param name="EpochCompleted">Whether the iteration just run was the last of its epoch.</param>
/// <param name="Loss">The loss of the last iteration, if one ran.</param>
/// <param name="Score">The first validation method's result of the last validation, if one ran.</param>
public sealed record TrainingState(int Epoch, int Iteration, bool EpochCompleted, double? Loss, double? Score)
{
    /// <summary>Iterations run so far.</summary>
    public int IterationsDone => Iteration - 1;
}
