namespace BigDL.Optim;

/// <summary>
/// What a <see cref="LearningRateSchedule"/> sees when it computes a rate: the iteration and epoch, the base
/// learning rate and decay, the last score and loss, and its own counters in the method's state.
/// </summary>
/// <remarks>
/// Inside a <see cref="SequentialSchedule"/>, <see cref="ExcludedIterations"/> and <see cref="ExcludedEpochs"/> are
/// the iterations and epochs taken by the schedules before this one (BigDL's <c>excludeIterations</c> and
/// <c>excludeEpochs</c>), and <see cref="LearningRate"/> is the rate the previous schedule ended with.
/// </remarks>
public readonly struct ScheduleContext
{
    private readonly Dictionary<string, double> _scalars;
    private readonly string _keyPrefix;

    internal ScheduleContext(Dictionary<string, double> scalars, string keyPrefix, int iteration, int epoch,
        int excludedIterations, int excludedEpochs, double learningRate, double learningRateDecay, double? score, double? loss)
    {
        _scalars = scalars;
        _keyPrefix = keyPrefix;
        Iteration = iteration;
        Epoch = epoch;
        ExcludedIterations = excludedIterations;
        ExcludedEpochs = excludedEpochs;
        LearningRate = learningRate;
        LearningRateDecay = learningRateDecay;
        Score = score;
        Loss = loss;
    }

    /// <summary>Iterations completed before this one, 0-based (BigDL's <c>evalCounter</c>): the state's iteration − 1.</summary>
    public int Iteration { get; }

    /// <summary>The current epoch, 1-based (BigDL <c>state("epoch")</c>).</summary>
    public int Epoch { get; }

    /// <summary>Iterations run by the schedules before this one in a <see cref="SequentialSchedule"/>; 0 outside one.</summary>
    public int ExcludedIterations { get; }

    /// <summary>Epochs run by the schedules before this one in a <see cref="SequentialSchedule"/>; 0 outside one.</summary>
    public int ExcludedEpochs { get; }

    /// <summary>The base learning rate: SGD's <c>learningRate</c>, or what the previous schedule of a sequence ended with.</summary>
    public double LearningRate { get; }

    /// <summary>SGD's <c>learningRateDecay</c>.</summary>
    public double LearningRateDecay { get; }

    /// <summary>The last validation score, if the training loop has set one.</summary>
    public double? Score { get; }

    /// <summary>The last training loss, if any.</summary>
    public double? Loss { get; }

    /// <summary>The schedule's counter <paramref name="name"/>, or null when it was never set.</summary>
    public double? Get(string name) => _scalars.TryGetValue(Key(name), out double value) ? value : null;

    /// <summary>Sets the schedule's counter <paramref name="name"/>.</summary>
    public void Set(string name, double value) => _scalars[Key(name)] = value;

    /// <summary>The context of a schedule nested in this one: its own key space, offsets and base rate.</summary>
    internal ScheduleContext Nested(string keyPrefix, int excludedIterations, int excludedEpochs, double learningRate)
        => new(_scalars, _keyPrefix + keyPrefix, Iteration, Epoch, excludedIterations, excludedEpochs, learningRate, LearningRateDecay, Score, Loss);

    private string Key(string name) => _keyPrefix.Length == 0 ? name : _keyPrefix + name;
}
