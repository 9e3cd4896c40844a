using System.Globalization;
using System.Net;
using System.Text;
using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Training;

/// <summary>
/// A snapshot of a training run as the live view shows it, rendered as one bundle: HTML (a progress bar, the status
/// line, and the loss and validation curves as SVG upgraded to Plotly where plotly.js is loaded), the Plotly figure
/// with the status line as its title, and the status line as text.
/// </summary>
internal sealed class TrainingReport
{
    private string? _figure, _html;

    public required TrainingStatus Status { get; init; }

    /// <summary>The epoch trained in (1-based).</summary>
    public required int Epoch { get; init; }

    public required int? PlannedEpochs { get; init; }

    /// <summary>Iterations completed.</summary>
    public required int Iteration { get; init; }

    public required int? PlannedIterations { get; init; }

    /// <summary>The share of the plan done, from 0 to 1, or null without a plan.</summary>
    public required double? Fraction { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>The estimated time left, or null when unknown or no longer running.</summary>
    public required TimeSpan? Remaining { get; init; }

    public required double RecordsPerSecond { get; init; }

    /// <summary>The last iteration's loss.</summary>
    public required double? Loss { get; init; }

    /// <summary>The last iteration's learning rate.</summary>
    public required double? LearningRate { get; init; }

    /// <summary>Each validation method's last score.</summary>
    public required IReadOnlyList<(string Method, double Value)> Scores { get; init; }

    public required string? Checkpoint { get; init; }

    /// <summary>The exception's type and message when training failed.</summary>
    public required string? Error { get; init; }

    public required IReadOnlyList<ChartPanel> Panels { get; init; }

    /// <summary>
    /// The status line, e.g. <c>Training: epoch 2/5 · iteration 37/60 · 61% · loss 0.2345 · Top1Accuracy 0.91 · 1,234 records/s · ETA 0:12</c>.
    /// </summary>
    public string Summary() => Head() + ": " + string.Join(" · ", Parts());

    /// <summary>The Plotly figure of the curves, titled with the status line (on two lines: Plotly titles do not wrap).</summary>
    public string FigureJson()
    {
        if (_figure is not null) return _figure;
        var parts = Parts();
        int split = Fraction is null ? 1 : 2;
        string title = Head() + ": " + string.Join(" · ", parts.Take(split)) + "<br>" + string.Join(" · ", parts.Skip(split));
        return _figure = PlotlyFigure.Json(Panels, title);
    }

    /// <summary>The HTML of the whole view.</summary>
    public string Html() => _html ??= BuildHtml();

    private string BuildHtml()
    {
        // The HTML shows the status line above the chart, so its interactive figure goes untitled.
        var html = new StringBuilder("<div class=\"bigdl-training\" style=\"font-family:sans-serif;font-size:13px;line-height:1.5\">");
        html.Append(ProgressBar());
        html.Append("<div>").Append(WebUtility.HtmlEncode(Summary())).Append("</div>");
        if (Checkpoint is not null) html.Append("<div style=\"color:#666\">last checkpoint: ").Append(WebUtility.HtmlEncode(Checkpoint)).Append("</div>");
        html.Append(PlotlyHtml.Div(PlotlyFigure.Json(Panels, ""), SvgChart.Render(Panels)));
        return html.Append("</div>").ToString();
    }

    /// <summary>The bar as SVG (shown in sanitised output, where styled HTML elements may not be).</summary>
    private string ProgressBar()
    {
        const int width = SvgChart.PanelWidth;
        string color = Status switch
        {
            TrainingStatus.Completed => "#3aa655",
            TrainingStatus.Cancelled => "#e8a33c",
            TrainingStatus.Failed => "#d9534f",
            _ => "#4c8fd6",
        };
        string label = Fraction is double f ? Percent(f) : Status == TrainingStatus.Running ? "running" : Status.ToString().ToLowerInvariant();
        return Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"18\" viewBox=\"0 0 {width} 18\" style=\"max-width:100%;height:auto\">") +
               Invariant($"<rect width=\"{width}\" height=\"18\" rx=\"3\" fill=\"#e9ecef\"/>") +
               Invariant($"<rect class=\"progress\" width=\"{(Fraction ?? 0) * width:0.#}\" height=\"18\" rx=\"3\" fill=\"{color}\"/>") +
               Invariant($"<text x=\"{width / 2}\" y=\"13\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\">{label}</text></svg>");
    }

    private string Head() => Status switch
    {
        TrainingStatus.Completed => "Training done",
        TrainingStatus.Cancelled => "Training cancelled",
        TrainingStatus.Failed => $"Training failed ({Error})",
        _ => "Training",
    };

    /// <summary>Position, percentage (with a plan), loss, scores, learning rate, throughput, then time left or taken.</summary>
    private List<string> Parts()
    {
        var parts = new List<string> { Position() };
        if (Fraction is double f) parts.Add(Percent(f));
        if (Loss is double loss) parts.Add(Invariant($"loss {loss:G5}"));
        parts.AddRange(Scores.Select(s => Invariant($"{s.Method} {s.Value:G5}")));
        if (LearningRate is double rate) parts.Add(Invariant($"lr {rate:G3}"));
        if (RecordsPerSecond > 0) parts.Add(Invariant($"{RecordsPerSecond:N0} records/s"));
        parts.Add(Remaining is TimeSpan left ? "ETA " + Duration(left) : Duration(Elapsed));
        return parts;
    }

    private string Position()
    {
        string epochs = PlannedEpochs is int e ? Invariant($"epoch {Math.Min(Epoch, e)}/{e}") : Invariant($"epoch {Epoch}");
        string iterations = PlannedIterations is int i ? Invariant($"iteration {Iteration}/{i}") : Invariant($"iteration {Iteration}");
        return epochs + " · " + iterations;
    }

    /// <summary>A whole percentage that says 100% only when done (99.6% of the plan shows 99%).</summary>
    private static string Percent(double fraction) => Invariant($"{Math.Floor(fraction * 100):0}%");

    private static string Duration(TimeSpan t)
        => t.TotalHours >= 1 ? Invariant($"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}") : Invariant($"{t.Minutes}:{t.Seconds:00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
