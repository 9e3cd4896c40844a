using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs:
/// lr·gamma^⌊epoch / stepSize⌋ with the 1-based epoch (BigDL <c>SGD.EpochStep</c>).
/// </summary>
public sealed class EpochStep : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Epochs between two decays, &gt; 0.</param>
    /// <param name="gamma">The factor applied at each decay.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public EpochStep(int stepSize, double gamma)
    {
        StepSize = HyperParameter.Positive(stepSize, nameof(stepSize));
        Gamma = HyperParameter.Finite(gamma, nameof(gamma));
    }

    /// <summary>Epochs between two decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
        => Decay.Repeated(context.LearningRate, Gamma, (context.Epoch - context.ExcludedEpochs) / StepSize);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"EpochStep(stepSize: {StepSize}, gamma: {Gamma})");
}
