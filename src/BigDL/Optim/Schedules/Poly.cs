using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Polynomial decay to zero: lr·(1 − n/maxIteration)^power at the n-th iteration (0-based), 0 after
/// <see cref="MaxIteration"/> (BigDL <c>SGD.Poly</c>, Caffe's "poly" policy).
/// </summary>
/// <remarks>
/// As in BigDL, n counts from the start of training even inside a <see cref="SequentialSchedule"/> (BigDL's Poly
/// deliberately ignores the iterations of the schedules before it); the base rate is where the previous schedule ended.
/// </remarks>
public sealed class Poly : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="power">The exponent of the decay.</param>
    /// <param name="maxIteration">The iteration at which the rate reaches zero, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Poly(double power, int maxIteration)
    {
        Power = HyperParameter.Finite(power, nameof(power));
        MaxIteration = HyperParameter.Positive(maxIteration, nameof(maxIteration));
    }

    /// <summary>The exponent of the decay.</summary>
    public double Power { get; }

    /// <summary>The iteration at which the rate reaches zero.</summary>
    public int MaxIteration { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
    {
        int n = context.Iteration;
        return n > MaxIteration ? 0 : context.LearningRate * Math.Pow(1.0 - (double)n / MaxIteration, Power);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Poly(power: {Power}, maxIteration: {MaxIteration})");
}
