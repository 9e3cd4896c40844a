using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BigDL.Interactive.Charts;

/// <summary>
/// The Plotly figure JSON (<c>{"data": [...], "layout": {...}}</c>, the <c>application/vnd.plotly.v1+json</c> payload)
/// of the same panels <see cref="SvgChart"/> draws: one subplot per panel side by side, a scatter trace per series on
/// its panel's axes, the same colours.
/// </summary>
/// <remarks>Written with System.Text.Json rather than Plotly.NET: the figure is small and fixed, each render starts
/// from nothing (no shared options object to mutate), and no F# option types cross into C#.</remarks>
internal static class PlotlyFigure
{
    private const double Gap = 0.06;

    /// <summary>The figure of <paramref name="panels"/> under <paramref name="title"/>.</summary>
    public static string Json(IReadOnlyList<ChartPanel> panels, string title)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(title);
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one panel, got none", nameof(panels));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            for (int p = 0; p < panels.Count; p++)
                for (int s = 0; s < panels[p].Series.Count; s++) Trace(json, panels[p].Series[s], s, p);
            json.WriteEndArray();
            Layout(json, panels, title);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Trace(Utf8JsonWriter json, LineSeries series, int index, int panel)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", series.Markers ? "lines+markers" : "lines");
        json.WriteString("name", series.Name);
        json.WriteString("xaxis", "x" + Suffix(panel));
        json.WriteString("yaxis", "y" + Suffix(panel));
        json.WriteStartObject("line");
        json.WriteString("color", ChartPalette.Color(index));
        json.WriteEndObject();
        json.WriteStartArray("x");
        foreach (var point in series.Points) json.WriteNumberValue(point.X);
        json.WriteEndArray();
        json.WriteStartArray("y");
        foreach (var point in series.Points) json.WriteNumberValue(point.Y);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Layout(Utf8JsonWriter json, IReadOnlyList<ChartPanel> panels, string title)
    {
        json.WriteStartObject("layout");
        json.WriteStartObject("title");
        json.WriteString("text", title);
        json.WriteNumber("x", 0.02);
        json.WriteEndObject();
        json.WriteNumber("height", SvgChart.Height + 60);
        json.WriteStartObject("margin");
        json.WriteNumber("t", title.Length == 0 ? 40 : 90);
        json.WriteEndObject();
        json.WriteBoolean("showlegend", true);
        json.WriteStartArray("annotations");
        for (int p = 0; p < panels.Count; p++) PanelTitle(json, panels[p].Title, Domain(p, panels.Count));
        json.WriteEndArray();
        for (int p = 0; p < panels.Count; p++)
        {
            var (from, to) = Domain(p, panels.Count);
            json.WriteStartObject("xaxis" + Suffix(p));
            json.WriteStartArray("domain");
            json.WriteNumberValue(from);
            json.WriteNumberValue(to);
            json.WriteEndArray();
            json.WriteString("anchor", "y" + Suffix(p));
            AxisTitle(json, panels[p].XLabel);
            json.WriteEndObject();
            json.WriteStartObject("yaxis" + Suffix(p));
            json.WriteString("anchor", "x" + Suffix(p));
            AxisTitle(json, panels[p].YLabel);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void PanelTitle(Utf8JsonWriter json, string text, (double From, double To) domain)
    {
        json.WriteStartObject();
        json.WriteString("text", text);
        json.WriteString("xref", "paper");
        json.WriteString("yref", "paper");
        json.WriteNumber("x", (domain.From + domain.To) / 2);
        json.WriteNumber("y", 1);
        json.WriteString("xanchor", "center");
        json.WriteString("yanchor", "bottom");
        json.WriteBoolean("showarrow", false);
        json.WriteEndObject();
    }

    private static void AxisTitle(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("title");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>The horizontal share of the figure panel <paramref name="p"/> of <paramref name="count"/> takes.</summary>
    private static (double From, double To) Domain(int p, int count)
    {
        double width = 1.0 / count;
        return (p == 0 ? 0 : p * width + Gap / 2, p == count - 1 ? 1 : (p + 1) * width - Gap / 2);
    }

    /// <summary>Plotly's axis names: x, x2, x3, …</summary>
    private static string Suffix(int panel) => panel == 0 ? "" : (panel + 1).ToString(CultureInfo.InvariantCulture);
}
