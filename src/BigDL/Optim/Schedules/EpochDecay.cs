namespace BigDL.Optim;

/// <summary>
/// A learning rate set by a function of the epoch: lr·0.1^decayFn(epoch), epoch 1-based (BigDL <c>SGD.EpochDecay</c>).
/// </summary>
/// <remarks>
/// A delegate cannot be saved, so a method using this schedule cannot be persisted and restored; for the common
/// "divide by a constant every k epochs" use <see cref="EpochStep"/>, which can.
/// </remarks>
public sealed class EpochDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="decayFn">The decay exponent for a 1-based epoch: the rate is lr·0.1^decayFn(epoch).</param>
    public EpochDecay(Func<int, double> decayFn)
    {
        ArgumentNullException.ThrowIfNull(decayFn);
        DecayFn = decayFn;
    }

    /// <summary>The decay exponent as a function of the 1-based epoch.</summary>
    public Func<int, double> DecayFn { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
        => context.LearningRate * Math.Pow(0.1, DecayFn(context.Epoch - context.ExcludedEpochs));

    /// <inheritdoc/>
    public override string ToString() => "EpochDecay(decayFn)";
}
