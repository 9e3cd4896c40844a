using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// A linear increase: lr + delta·n at the n-th iteration (0-based) (BigDL <c>SGD.Warmup</c>); usually the first
/// part of a <see cref="SequentialSchedule"/>.
/// </summary>
public sealed class Warmup : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="delta">The increase per iteration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not finite.</exception>
    public Warmup(double delta) => Delta = HyperParameter.Finite(delta, nameof(delta));

    /// <summary>The increase per iteration.</summary>
    public double Delta { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
        => context.LearningRate + Delta * (context.Iteration - context.ExcludedIterations);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Warmup(delta: {Delta})");
}
