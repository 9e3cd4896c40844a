using System.Text;
using System.Text.Json;

namespace BigDL.Interactive.Charts;

/// <summary>
/// The Plotly figure of an XPlot.Plotly <c>PlotlyChart</c>, read without a reference to XPlot: its
/// <c>GetPlottingJS()</c> text is <c>var data = [JSON]; var layout = JSON; Plotly.newPlot(…)</c>, and the two JSON
/// values are parsed where they start.
/// </summary>
internal static class XPlotFigure
{
    /// <summary>The figure JSON <c>{"data": …, "layout": …}</c> of <paramref name="plottingJs"/>.</summary>
    /// <exception cref="FormatException">The script does not declare <c>data</c> as JSON.</exception>
    public static string FromPlottingJs(string plottingJs)
    {
        ArgumentNullException.ThrowIfNull(plottingJs);
        using var data = ValueAfter(plottingJs, "var data =")
            ?? throw new FormatException($"XPlot's plotting script declares no 'var data = [...]': {Start(plottingJs)}");
        using var layout = ValueAfter(plottingJs, "var layout =");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            data.RootElement.WriteTo(json);
            json.WritePropertyName("layout");
            // XPlot writes layout = "" for a chart without one.
            if (layout?.RootElement.ValueKind == JsonValueKind.Object) layout.RootElement.WriteTo(json);
            else
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The JSON value that starts after <paramref name="declaration"/>, or null when the script has none.</summary>
    private static JsonDocument? ValueAfter(string script, string declaration)
    {
        int at = script.IndexOf(declaration, StringComparison.Ordinal);
        if (at < 0) return null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(script[(at + declaration.Length)..]));
        try
        {
            return JsonDocument.TryParseValue(ref reader, out var value) ? value : null;
        }
        catch (JsonException error)
        {
            throw new FormatException($"XPlot's '{declaration}' is not followed by JSON: {Start(script)}", error);
        }
    }

    private static string Start(string script) => script.Length <= 120 ? script : script[..120] + "…";
}
