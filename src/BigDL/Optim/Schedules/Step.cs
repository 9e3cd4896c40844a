using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> iterations:
/// lr·gamma^⌊n / stepSize⌋ at the n-th iteration, 0-based (BigDL <c>SGD.Step</c>).
/// </summary>
public sealed class Step : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Iterations between two decays, &gt; 0.</param>
    /// <param name="gamma">The factor applied at each decay.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is not positive or <paramref name="gamma"/> is not finite.</exception>
    public Step(int stepSize, double gamma)
    {
        StepSize = HyperParameter.Positive(stepSize, nameof(stepSize));
        Gamma = HyperParameter.Finite(gamma, nameof(gamma));
    }

    /// <summary>Iterations between two decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
        => Decay.Repeated(context.LearningRate, Gamma, (context.Iteration - context.ExcludedIterations) / StepSize);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Step(stepSize: {StepSize}, gamma: {Gamma})");
}
