using System.Globalization;

namespace BigDL.Interactive.Charts;

/// <summary>
/// The HTML of a chart output: a <c>&lt;div&gt;</c> whose content shows without any script (an SVG chart, or a note),
/// followed by a script that, where plotly.js is loaded (<c>window.Plotly</c>, see <see cref="PlotlyJs"/>), replaces
/// that content with the interactive Plotly chart of the figure. Nothing is fetched from the network.
/// </summary>
internal static class PlotlyHtml
{
    private static long _next;

    /// <summary>The chart of <paramref name="figureJson"/> with <paramref name="staticHtml"/> shown until (or unless) Plotly draws it.</summary>
    public static string Div(string figureJson, string staticHtml)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        ArgumentNullException.ThrowIfNull(staticHtml);
        string id = string.Create(CultureInfo.InvariantCulture, $"bigdl-chart-{Environment.ProcessId}-{Interlocked.Increment(ref _next)}");
        // '<' only occurs inside JSON strings, where \u003c means the same and cannot close the script element.
        string figure = figureJson.Replace("<", "\\u003c", StringComparison.Ordinal);
        return $"<div id=\"{id}\" class=\"bigdl-chart\">{staticHtml}</div>" +
               "<script type=\"text/javascript\">(function () {" +
               $"var e = document.getElementById(\"{id}\"); if (!e || !window.Plotly) return; var f = {figure}; " +
               "e.innerHTML = \"\"; window.Plotly.newPlot(e, f.data, f.layout, {responsive: true, displaylogo: false});" +
               "})();</script>";
    }
}
