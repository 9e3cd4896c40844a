using BigDL.Interactive.Charts;
using BigDL.Optim;

namespace BigDL.Interactive.Training;

/// <summary>
/// What a live view knows of one training run, folded from its events: position and plan, throughput, the loss curve
/// and each validation method's curve (both downsampled), and how the run ended. <see cref="Report"/> takes a snapshot.
/// </summary>
internal sealed class TrainingHistory
{
    private readonly DownsampledSeries _loss = new();
    private readonly Dictionary<string, DownsampledSeries> _scores = [];
    private readonly Dictionary<string, double> _lastScores = [];
    private TrainingStarted? _start;
    private IterationCompleted? _last;
    private TrainingStatus _status = TrainingStatus.Running;
    private TimeSpan _elapsed;
    private long _records;
    private string? _checkpoint, _error;

    /// <summary>Folds <paramref name="e"/> into the history.</summary>
    public void Add(TrainingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case TrainingStarted started:
                _start = started;
                break;
            case IterationCompleted iteration:
                _last = iteration;
                _elapsed = iteration.Elapsed;
                _records += iteration.Records;
                _loss.Add(iteration.Iteration, iteration.Loss);
                break;
            case ValidationCompleted validation:
                foreach (var (method, result) in validation.Results) AddScore(method, result.Result.Value);
                break;
            case CheckpointSaved checkpoint:
                _checkpoint = checkpoint.Path;
                break;
            case TrainingCompleted completed:
                _elapsed = completed.Elapsed;
                _status = completed.Cancelled ? TrainingStatus.Cancelled : TrainingStatus.Completed;
                break;
        }
    }

    /// <summary>Records that training threw <paramref name="error"/>.</summary>
    public void Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _status = TrainingStatus.Failed;
        _error = $"{error.GetType().Name}: {error.Message}";
    }

    /// <summary>A snapshot of the run so far.</summary>
    public TrainingReport Report()
    {
        double? fraction = Fraction();
        return new TrainingReport
        {
            Status = _status,
            Epoch = _last?.Epoch ?? _start?.Epoch ?? 1,
            PlannedEpochs = _start?.PlannedEpochs,
            Iteration = _last?.Iteration ?? _start?.Iteration ?? 0,
            PlannedIterations = _start?.PlannedIterations ?? PlannedIterationsFromEpochs(),
            Fraction = fraction,
            Elapsed = _elapsed,
            Remaining = Remaining(fraction),
            RecordsPerSecond = _elapsed > TimeSpan.Zero ? _records / _elapsed.TotalSeconds : 0,
            Loss = _last?.Loss,
            LearningRate = _last?.LearningRate,
            Scores = [.. _lastScores.Select(s => (s.Key, s.Value))],
            Checkpoint = _checkpoint,
            Error = _error,
            Panels = Panels(),
        };
    }

    private void AddScore(string method, double value)
    {
        if (!_scores.TryGetValue(method, out var series)) _scores[method] = series = new DownsampledSeries();
        series.Add(EpochsDone() ?? 0, value);
        _lastScores[method] = value;
    }

    /// <summary>Epochs done as a fraction (1.5 = halfway through the second), as of the last iteration.</summary>
    private double? EpochsDone()
    {
        if (_last is { } it) return Epochs(it.Epoch, it.RecordsInEpoch, it.EpochSize);
        return _start is { } s ? Epochs(s.Epoch, s.RecordsInEpoch, s.EpochSize) : null;
    }

    private static double Epochs(int epoch, long recordsInEpoch, long epochSize) => epoch - 1 + (double)recordsInEpoch / epochSize;

    /// <summary>The share of the planned run done (1 once completed), or null without a plan.</summary>
    private double? Fraction()
    {
        if (_status == TrainingStatus.Completed) return 1;
        return _start is { } start ? FractionAt(EpochsDone()!.Value, _last?.Iteration ?? start.Iteration) : null;
    }

    /// <summary>
    /// The share of the plan done after <paramref name="epochsDone"/> epochs and <paramref name="iterationsDone"/>
    /// iterations: the further of the epoch and the iteration plan (training ends at whichever comes first).
    /// </summary>
    private double? FractionAt(double epochsDone, int iterationsDone)
    {
        var start = _start!;
        double? byEpochs = start.PlannedEpochs is int epochs and > 0 ? epochsDone / epochs : null;
        double? byIterations = start.PlannedIterations is int iterations and > 0 ? (double)iterationsDone / iterations : null;
        double? fraction = byEpochs is null ? byIterations : byIterations is null ? byEpochs : Math.Max(byEpochs.Value, byIterations.Value);
        return fraction is null ? null : Math.Clamp(fraction.Value, 0, 1);
    }

    /// <summary>The time left at the pace of this run so far (a resumed run counts only what it did), while running.</summary>
    private TimeSpan? Remaining(double? fraction)
    {
        if (_status != TrainingStatus.Running || fraction is not double done || _start is not { } start || _elapsed <= TimeSpan.Zero) return null;
        double atStart = FractionAt(Epochs(start.Epoch, start.RecordsInEpoch, start.EpochSize), start.Iteration) ?? 0;
        return done > atStart ? _elapsed * ((1 - done) / (done - atStart)) : null;
    }

    /// <summary>For an epoch plan, the iteration the run will end at, from the batches per epoch.</summary>
    private int? PlannedIterationsFromEpochs()
    {
        if (_start is not { PlannedEpochs: int epochs, BatchesPerEpoch: int batches } start) return null;
        double epochsLeft = epochs - Epochs(start.Epoch, start.RecordsInEpoch, start.EpochSize);
        return start.Iteration + (int)Math.Ceiling(Math.Max(0, epochsLeft) * batches - 1e-9);
    }

    private List<ChartPanel> Panels()
    {
        var panels = new List<ChartPanel> { new("Loss", "iteration", "loss", [new LineSeries("training loss", _loss.Points())]) };
        if (_scores.Count > 0)
            panels.Add(new ChartPanel("Validation", "epoch", "score", [.. _scores.Select(s => new LineSeries(s.Key, s.Value.Points(), Markers: true))]));
        return panels;
    }
}
