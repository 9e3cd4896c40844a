using System.Diagnostics;
using BigDL.Interactive.Charts;
using BigDL.Optim;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Training;

/// <summary>
/// The live training view of notebooks: while enabled and a notebook host is attached (<see cref="NotebookHost"/>),
/// every <c>optimizer.Optimize()</c> shows one output that updates in place: a progress bar (epoch, iteration,
/// percentage, records/s, time left) with the loss and validation curves. Enabled when the extension loads
/// (<see cref="NotebookHost.Attach"/>); outside notebooks it shows nothing.
/// </summary>
public static class LiveTraining
{
    /// <summary>The least time between two updates caused by iterations alone (about three updates a second).</summary>
    internal static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(300);

    private static readonly Lock Gate = new();
    private static IDisposable? _registration;

    /// <summary>Whether training runs show the live view (when a host is attached).</summary>
    public static bool IsEnabled
    {
        get
        {
            lock (Gate) return _registration is not null;
        }
    }

    /// <summary>Shows the live view for every later training run (does nothing if already enabled).</summary>
    public static void Enable()
    {
        RegisterFormatters();
        lock (Gate) _registration ??= TrainingHooks.AddObserverFactory(CreateView);
    }

    /// <summary>Stops showing the live view for later training runs; a run in progress keeps its view.</summary>
    public static void Disable()
    {
        IDisposable? registration;
        lock (Gate) (registration, _registration) = (_registration, null);
        registration?.Dispose();
    }

    private static LiveTrainingView? CreateView()
    {
        if (!NotebookHost.IsAttached) return null;
        var clock = Stopwatch.StartNew();
        return new LiveTrainingView(NotebookHost.Display, () => clock.Elapsed, UpdateInterval);
    }

    /// <summary>The bundle formatters of the view's snapshots, which hosts format for display.</summary>
    private static void RegisterFormatters()
    {
        Formatter.Register<TrainingReport>((report, writer) => writer.Write(report.Html()), MimeTypes.Html);
        Formatter.Register<TrainingReport>((report, writer) => writer.Write(report.FigureJson()), MimeTypes.Plotly);
        Formatter.Register<TrainingReport>((report, writer) => writer.Write(report.Summary()), MimeTypes.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(TrainingReport), MimeTypes.ChartBundle);
    }
}
