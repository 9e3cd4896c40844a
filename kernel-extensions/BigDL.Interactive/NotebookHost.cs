using BigDL.Interactive.Charts;
using BigDL.Interactive.Training;
using BigDL.Optim;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive;

/// <summary>
/// The one seam between BigDL.Interactive and the notebook it runs in (.NET Interactive or the BigDL kernel). The
/// extension's load script attaches the host once: how to display a value and later replace that output (Jupyter
/// <c>display_data</c> with a display id, then <c>update_display_data</c>), and the token of the running cell (so an
/// interrupt stops training). Everything else in the extension uses only this. Without a host, displays do nothing,
/// so the library works as before outside notebooks.
/// </summary>
/// <example>A load script, for a host whose <c>display(value)</c> returns a handle with <c>Update(value)</c>:
/// <code>
/// NotebookHost.Attach(value => { var handle = display(value); return handle.Update; }, () => currentCellToken);
/// </code></example>
public static class NotebookHost
{
    private static readonly Lock Gate = new();
    private static Func<object, Action<object>>? _display;

    /// <summary>Whether a notebook host is attached.</summary>
    public static bool IsAttached
    {
        get
        {
            lock (Gate) return _display is not null;
        }
    }

    /// <summary>
    /// Attaches a host: <paramref name="display"/> shows a value as a new output, formatted through the shared
    /// <see cref="Formatter"/> registry (the MIME types preferred for its type), and returns the action that replaces that output with another value; <paramref name="cancellation"/> gives
    /// the token of the cell running now (the ambient cancellation of training, <see cref="TrainingHooks"/>). Then it
    /// registers the chart formatters, enables <see cref="LiveTraining"/> and, when <paramref name="showPlotlyJs"/>,
    /// displays <see cref="PlotlyJs.Script"/> (about 3.6 MB, once) so later charts are interactive without network.
    /// Both callbacks are called on the thread that trains (the cell's). Dispose the result to detach; the host
    /// attached last is the one in use.
    /// </summary>
    public static IDisposable Attach(Func<object, Action<object>> display, Func<CancellationToken> cancellation, bool showPlotlyJs = true)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(cancellation);
        ChartFormatters.Register();
        LiveTraining.Enable();
        var ambient = TrainingHooks.SetCancellationProvider(cancellation);
        lock (Gate) _display = display;
        if (showPlotlyJs) display(PlotlyJs.Script());
        return new Attachment(display, ambient);
    }

    /// <summary>
    /// Shows <paramref name="value"/> as a new output of the current cell and returns the action that replaces it
    /// with another value in place (.NET Interactive's <c>display(value).Update(…)</c>); without a host, nothing.
    /// </summary>
    public static Action<object> Display(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Func<object, Action<object>>? display;
        lock (Gate) display = _display;
        return display is null ? _ => { } : display(value);
    }

    private sealed class Attachment(Func<object, Action<object>> display, IDisposable ambient) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            ambient.Dispose();
            lock (Gate)
                if (_display == display) _display = null;
        }
    }
}
