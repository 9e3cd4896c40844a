using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Runs schedules one after another, each for a number of iterations (BigDL <c>SGD.SequentialSchedule</c>);
/// for example a <see cref="Warmup"/> followed by a <see cref="Poly"/> decay.
/// </summary>
/// <remarks>
/// As in BigDL, the schedule added with <c>maxIteration</c> m after schedules totalling e iterations serves the
/// 0-based iterations up to and including e + m, sees its own iterations counted from e and its epochs from
/// e / <see cref="IterationPerEpoch"/>, and starts from the rate the previous schedule ended with. Unlike BigDL,
/// which fails past the end, the last schedule carries on. The position and the rates are kept in the state's
/// scalars (<c>sequential.*</c>); nested schedules keep theirs under <c>sequential{i}.</c>.
/// </remarks>
public sealed class SequentialSchedule : LearningRateSchedule
{
    private const string IndexKey = "sequential.index";
    private const string BaseKey = "sequential.base";
    private const string RateKey = "sequential.rate";

    private readonly List<(LearningRateSchedule Schedule, int MaxIteration)> _schedules = [];

    /// <summary>Creates the sequence, empty or with the given schedules.</summary>
    /// <param name="iterationPerEpoch">Iterations per epoch, &gt; 0: turns the iterations of earlier schedules into epochs for epoch-based ones.</param>
    /// <param name="schedules">Schedules and their iteration counts, as if given to <see cref="Add"/> in order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterationPerEpoch"/> or an iteration count is not positive.</exception>
    public SequentialSchedule(int iterationPerEpoch, IEnumerable<(LearningRateSchedule Schedule, int MaxIteration)>? schedules = null)
    {
        IterationPerEpoch = HyperParameter.Positive(iterationPerEpoch, nameof(iterationPerEpoch));
        foreach (var (schedule, maxIteration) in schedules ?? []) Add(schedule, maxIteration);
    }

    /// <summary>Iterations per epoch.</summary>
    public int IterationPerEpoch { get; }

    /// <summary>The schedules in order, with the number of iterations each runs for.</summary>
    public IReadOnlyList<(LearningRateSchedule Schedule, int MaxIteration)> Schedules => _schedules;

    /// <summary>Appends <paramref name="schedule"/> to run for <paramref name="maxIteration"/> iterations; returns this (BigDL <c>add</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIteration"/> is not positive.</exception>
    public SequentialSchedule Add(LearningRateSchedule schedule, int maxIteration)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        HyperParameter.Positive(maxIteration, nameof(maxIteration));
        if (ReferenceEquals(schedule, this)) throw new ArgumentException("a SequentialSchedule cannot contain itself", nameof(schedule));
        _schedules.Add((schedule, maxIteration));
        return this;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No schedule was added.</exception>
    protected internal override double ComputeRate(in ScheduleContext context)
    {
        if (_schedules.Count == 0) throw new InvalidOperationException("SequentialSchedule has no schedules: Add one before training");
        int index = (int)(context.Get(IndexKey) ?? 0);
        double baseRate = context.Get(BaseKey) ?? context.LearningRate;
        int n = context.Iteration - context.ExcludedIterations;
        while (index < _schedules.Count - 1 && n > End(index))
        {
            baseRate = context.Get(RateKey) ?? baseRate;
            index++;
        }
        int excluded = index == 0 ? 0 : End(index - 1);
        var nested = context.Nested(string.Create(CultureInfo.InvariantCulture, $"sequential{index}."),
            context.ExcludedIterations + excluded, context.ExcludedEpochs + excluded / IterationPerEpoch, baseRate);
        double rate = _schedules[index].Schedule.ComputeRate(nested);
        context.Set(IndexKey, index);
        context.Set(BaseKey, baseRate);
        context.Set(RateKey, rate);
        return rate;
    }

    /// <summary>The last 0-based iteration (relative to this sequence) that schedule <paramref name="index"/> serves.</summary>
    private int End(int index)
    {
        int end = 0;
        for (int i = 0; i <= index; i++) end += _schedules[i].MaxIteration;
        return end;
    }

    /// <inheritdoc/>
    public override LearningRateSchedule Clone()
    {
        var copy = new SequentialSchedule(IterationPerEpoch);
        foreach (var (schedule, maxIteration) in _schedules) copy.Add(schedule.Clone(), maxIteration);
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = _schedules.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Schedule} for {s.MaxIteration}"));
        return string.Create(CultureInfo.InvariantCulture, $"SequentialSchedule(iterationPerEpoch: {IterationPerEpoch}, [{string.Join(", ", parts)}])");
    }
}
