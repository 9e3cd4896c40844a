namespace BigDL.Optim;

/// <summary>
/// A condition on the <see cref="TrainingState"/>: when to validate, to checkpoint, to write a summary, or to stop.
/// Triggers are stateless, so a resumed training fires them exactly where an uninterrupted one would.
/// </summary>
/// <remarks>BigDL's <c>Trigger</c>, with its factory names. Differences: <see cref="SeveralIteration"/> fires after every
/// n completed iterations (BigDL fired when its 1-based counter of the next iteration was a multiple of n, one early).</remarks>
public abstract class Trigger
{
    /// <summary>Whether the trigger fires in <paramref name="state"/>.</summary>
    public abstract bool Fires(TrainingState state);

    /// <summary>
    /// As an end condition, the number of completed epochs by which this trigger has fired at the latest (what a
    /// progress display counts towards), or null when no epoch count bounds it. A property of the condition itself,
    /// not of any run: <see cref="MaxEpoch"/>(n) gives n, <see cref="Or"/> the smallest bound of its parts,
    /// <see cref="And"/> the largest when every part has one.
    /// </summary>
    public virtual int? EpochLimit => null;

    /// <summary>As <see cref="EpochLimit"/>, in completed iterations (<see cref="MaxIteration"/>(n) gives n).</summary>
    public virtual int? IterationLimit => null;

    /// <summary>At the end of every epoch.</summary>
    public static Trigger EveryEpoch { get; } = new Condition("everyEpoch", s => s.EpochCompleted);

    /// <summary>After every <paramref name="interval"/> completed iterations.</summary>
    public static Trigger SeveralIteration(int interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        return new Condition($"severalIteration({interval})", s => s.IterationsDone > 0 && s.IterationsDone % interval == 0);
    }

    /// <summary>Once <paramref name="max"/> epochs are complete (as an end condition: train <paramref name="max"/> epochs).</summary>
    public static Trigger MaxEpoch(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 0);
        return new Condition($"maxEpoch({max})", s => s.Epoch > max, epochLimit: max);
    }

    /// <summary>Once <paramref name="max"/> iterations are complete.</summary>
    public static Trigger MaxIteration(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 0);
        return new Condition($"maxIteration({max})", s => s.Iteration > max, iterationLimit: max);
    }

    /// <summary>When the last loss is below <paramref name="min"/>.</summary>
    public static Trigger MinLoss(double min) => new Condition($"minLoss({min})", s => s.Loss < min);

    /// <summary>When the last validation score is above <paramref name="max"/>.</summary>
    public static Trigger MaxScore(double max) => new Condition($"maxScore({max})", s => s.Score > max);

    /// <summary>When every one of <paramref name="triggers"/> fires.</summary>
    public static Trigger And(params Trigger[] triggers) => Combine("and", triggers, all: true);

    /// <summary>When any of <paramref name="triggers"/> fires.</summary>
    public static Trigger Or(params Trigger[] triggers) => Combine("or", triggers, all: false);

    private static Trigger Combine(string name, Trigger[] triggers, bool all)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        if (triggers.Length == 0) throw new ArgumentException($"{name} needs at least one trigger, got none", nameof(triggers));
        var copy = (Trigger[])triggers.Clone();
        return new Condition($"{name}({string.Join(", ", copy.Select(t => t.ToString()))})",
            s => all ? copy.All(t => t.Fires(s)) : copy.Any(t => t.Fires(s)),
            CombinedLimit(copy.Select(t => t.EpochLimit), all), CombinedLimit(copy.Select(t => t.IterationLimit), all));
    }

    /// <summary>
    /// The bound of a combination: all parts must fire, so the last bound, and only if every part is bounded; or any
    /// part fires, so the first bound of the bounded parts.
    /// </summary>
    private static int? CombinedLimit(IEnumerable<int?> limits, bool all)
    {
        var list = limits.ToList();
        if (all) return list.Any(l => l is null) ? null : list.Max();
        return list.Where(l => l is not null).Min();
    }

    private sealed class Condition(string name, Func<TrainingState, bool> fires, int? epochLimit = null, int? iterationLimit = null) : Trigger
    {
        public override bool Fires(TrainingState state) => fires(state);

        public override int? EpochLimit => epochLimit;

        public override int? IterationLimit => iterationLimit;

        public override string ToString() => name;
    }
}
