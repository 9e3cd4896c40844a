using System.Diagnostics;
using BigDL.Optim;

namespace BigDL.Interactive.Training;

/// <summary>
/// The live output of one training run: displayed once when the run starts, then replaced in place (the host's
/// update, Jupyter's <c>update_display_data</c>) at most once per <see cref="Interval"/> from iterations, and always
/// on epoch ends, validations, checkpoints and the end, so the last update shows the final position and scores. A
/// failing display never stops training: the view reports it to <see cref="Trace"/> and goes quiet.
/// </summary>
internal sealed class LiveTrainingView(Func<object, Action<object>> display, Func<TimeSpan> clock, TimeSpan interval) : IObserver<TrainingEvent>
{
    private readonly TrainingHistory _history = new();
    private Action<object>? _update;
    private TimeSpan _shownAt;
    private bool _broken;

    /// <summary>The least time between two updates caused by iterations alone.</summary>
    public TimeSpan Interval { get; } = interval;

    public void OnNext(TrainingEvent value)
    {
        _history.Add(value);
        if (value is IterationCompleted && _update is not null && clock() - _shownAt < Interval) return;
        Show();
    }

    public void OnError(Exception error)
    {
        _history.Fail(error);
        if (_update is not null) Show();
    }

    public void OnCompleted()
    {
    }

    private void Show()
    {
        if (_broken) return;
        try
        {
            var report = _history.Report();
            if (_update is null) _update = display(report);
            else _update(report);
            _shownAt = clock();
        }
        catch (Exception error)
        {
            _broken = true;
            Trace.TraceWarning($"BigDL live training view stopped: the notebook display failed ({error.GetType().Name}: {error.Message})");
        }
    }
}
