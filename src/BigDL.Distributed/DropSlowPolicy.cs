using System.Globalization;

namespace BigDL.Distributed;

/// <summary>
/// BigDL's drop-slow option (<c>setDropModuleProperty</c>): a model replica whose gradient is not ready within a learned
/// threshold is left out of the iteration, so one slow core or node does not hold up every other one. The threshold is
/// learned from the replicas' times over all ranks: after <see cref="WarmupIterations"/> iterations, at the end of every
/// window of <see cref="WindowIterations"/> iterations, it is set so that about <see cref="DropPercentage"/> of the
/// window's replica runs would have been late (raised by 1% when more were dropped than that).
/// </summary>
/// <remarks>
/// What is left out is averaged correctly: a rank's gradient is the mean over the records of its replicas that were in
/// time, and the all-reduce weights every rank by the records it contributed (criteria that sum are scaled up to the
/// whole batch). When fewer than 1 − <see cref="MaxDropPercentage"/> of a batch's records made it, the iteration's update is
/// discarded on every rank: weights and optimizer state stay as they were, except that the iteration still counts (our
/// training loop counts batches, which keeps resume positions and segment replays exact; BigDL did not count it).
/// Off by default; dropping makes training depend on timing, so runs are no longer reproducible to the bit.
/// </remarks>
public sealed record DropSlowPolicy
{
    /// <summary>A drop-slow policy; see the type's summary for the meaning of each number.</summary>
    /// <param name="dropPercentage">The share of replica runs to drop, in (0, 1).</param>
    /// <param name="maxDropPercentage">The largest share of a batch's records an iteration may lose and still update, in [<paramref name="dropPercentage"/>, 1).</param>
    /// <param name="windowIterations">Iterations between two updates of the threshold (BigDL's <c>batchsize</c>), at least 1.</param>
    /// <param name="warmupIterations">Iterations before the first threshold is learned (BigDL's <c>warmupIteration</c>), at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public DropSlowPolicy(double dropPercentage, double maxDropPercentage, int windowIterations = 100, int warmupIterations = 200)
    {
        if (!(dropPercentage > 0 && dropPercentage < 1))
            throw new ArgumentOutOfRangeException(nameof(dropPercentage), dropPercentage, Say($"expected a drop percentage in (0, 1), got {dropPercentage}"));
        if (!(maxDropPercentage >= dropPercentage && maxDropPercentage < 1))
            throw new ArgumentOutOfRangeException(nameof(maxDropPercentage), maxDropPercentage,
                Say($"expected a max drop percentage in [{dropPercentage}, 1) (at least the drop percentage), got {maxDropPercentage}"));
        if (windowIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(windowIterations), windowIterations, Say($"expected at least 1 window iteration, got {windowIterations}"));
        if (warmupIterations < 0)
            throw new ArgumentOutOfRangeException(nameof(warmupIterations), warmupIterations, Say($"expected at least 0 warm-up iterations, got {warmupIterations}"));
        DropPercentage = dropPercentage;
        MaxDropPercentage = maxDropPercentage;
        WindowIterations = windowIterations;
        WarmupIterations = warmupIterations;
    }

    /// <summary>The share of replica runs the threshold is set to drop.</summary>
    public double DropPercentage { get; }

    /// <summary>The largest share of a batch's records an iteration may lose and still update the weights.</summary>
    public double MaxDropPercentage { get; }

    /// <summary>Iterations of replica times the threshold is learned from, and between two updates of it.</summary>
    public int WindowIterations { get; }

    /// <summary>Iterations trained before the first threshold is learned (nothing is dropped before the end of the first window after them).</summary>
    public int WarmupIterations { get; }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
