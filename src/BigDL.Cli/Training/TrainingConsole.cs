using System.Globalization;
using BigDL.Optim;
using Spectre.Console;

namespace BigDL.Cli.Training;

/// <summary>
/// Shows a training's events on the console: a live progress bar per epoch on a terminal, one line per epoch,
/// validation and checkpoint otherwise (logs, CI, tests).
/// </summary>
internal sealed class TrainingConsole(IAnsiConsole console, int maxEpoch) : IObserver<TrainingEvent>
{
    private ProgressContext? _context;
    private ProgressTask? _task;
    private int _epoch;
    private double _lastLoss;

    /// <summary>Runs <paramref name="train"/> (which publishes to this console) under a live progress display when the console allows it.</summary>
    public void Run(Action train)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            train();
            return;
        }
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                train();
            });
    }

    public void OnNext(TrainingEvent value)
    {
        switch (value)
        {
            case IterationCompleted it:
                _lastLoss = it.Loss;
                if (_context is null) return;
                if (_task is null || _epoch != it.Epoch)
                {
                    _task?.StopTask();
                    _epoch = it.Epoch;
                    _task = _context.AddTask(EpochLabel(it.Epoch), maxValue: it.EpochSize);
                }
                _task.Value = it.RecordsInEpoch;
                _task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"{EpochLabel(it.Epoch)}  loss {it.Loss:F4}  {it.RecordsPerSecond:N0} img/s  lr {it.LearningRate:G3}");
                break;
            case EpochCompleted e:
                _task?.StopTask();
                _task = null;
                if (_context is null)
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                        $"{EpochLabel(e.Epoch)}: loss {_lastLoss:F4}, {e.Records / Math.Max(e.Duration.TotalSeconds, 1e-9):N0} images/s, {e.Duration.TotalSeconds:F1} s");
                break;
            case ValidationCompleted v:
                foreach (var (method, result) in v.Results)
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  validation after {v.Iteration} iterations: {method} {result}");
                break;
            case CheckpointSaved c:
                console.MarkupLineInterpolated($"  checkpoint: {c.Path}");
                break;
        }
    }

    public void OnCompleted()
    {
        _task?.StopTask();
    }

    public void OnError(Exception error)
    {
    }

    private string EpochLabel(int epoch) => $"Epoch {epoch}/{maxEpoch}";
}
