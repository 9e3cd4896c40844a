using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Exponential decay: lr·decayRate^(n / decayStep) at the n-th iteration (0-based), with n / decayStep rounded down
/// when <see cref="StairCase"/> (BigDL <c>SGD.Exponential</c>, TensorFlow's <c>exponential_decay</c>).
/// </summary>
public sealed class Exponential : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="decayStep">Iterations per decay by <paramref name="decayRate"/>, &gt; 0.</param>
    /// <param name="decayRate">The decay per <paramref name="decayStep"/> iterations, ≥ 0.</param>
    /// <param name="stairCase">Whether the exponent is rounded down (a staircase instead of a smooth curve).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Exponential(int decayStep, double decayRate, bool stairCase = false)
    {
        DecayStep = HyperParameter.Positive(decayStep, nameof(decayStep));
        DecayRate = HyperParameter.NonNegative(decayRate, nameof(decayRate));
        StairCase = stairCase;
    }

    /// <summary>Iterations per decay by <see cref="DecayRate"/>.</summary>
    public int DecayStep { get; }

    /// <summary>The decay per <see cref="DecayStep"/> iterations.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the exponent is rounded down.</summary>
    public bool StairCase { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
    {
        double p = (context.Iteration - context.ExcludedIterations) / (double)DecayStep;
        if (StairCase) p = Math.Floor(p);
        return context.LearningRate * Math.Pow(DecayRate, p);
    }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"Exponential(decayStep: {DecayStep}, decayRate: {DecayRate}, stairCase: {StairCase})");
}
