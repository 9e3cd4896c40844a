namespace BigDL.Optim;

/// <summary>
/// SGD's default schedule: lr / (1 + n·learningRateDecay) at the n-th iteration (0-based), a constant rate when
/// the decay is 0 (BigDL <c>SGD.Default</c>).
/// </summary>
public sealed class Default : LearningRateSchedule
{
    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
        => context.LearningRate / (1 + (context.Iteration - context.ExcludedIterations) * context.LearningRateDecay);

    /// <inheritdoc/>
    public override string ToString() => "Default()";
}
