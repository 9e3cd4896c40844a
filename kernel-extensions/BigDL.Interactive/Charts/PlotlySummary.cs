using System.Globalization;
using System.Text.Json;

namespace BigDL.Interactive.Charts;

/// <summary>The one-line <c>text/plain</c> of a Plotly figure: its title and traces, for front ends that show no HTML.</summary>
internal static class PlotlySummary
{
    /// <summary>E.g. <c>Plotly chart "Loss": 2 traces (scatter "train" 120 points, scatter "test" 12 points)</c>.</summary>
    public static string Of(string figureJson)
    {
        using var figure = JsonDocument.Parse(figureJson);
        var root = figure.RootElement;
        var traces = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray().Select(Trace)] : new List<string>();
        string title = Title(root) is { Length: > 0 } text ? $" \"{text}\"" : "";
        string count = traces.Count == 1 ? "1 trace" : string.Create(CultureInfo.InvariantCulture, $"{traces.Count} traces");
        return $"Plotly chart{title}: {count}" + (traces.Count > 0 ? $" ({string.Join(", ", traces)})" : "");
    }

    private static string Trace(JsonElement trace)
    {
        string type = trace.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "scatter";
        string name = trace.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? $" \"{n.GetString()}\"" : "";
        string points = trace.TryGetProperty("y", out var y) && y.ValueKind == JsonValueKind.Array
            ? string.Create(CultureInfo.InvariantCulture, $" {y.GetArrayLength()} points")
            : "";
        return type + name + points;
    }

    private static string? Title(JsonElement root)
    {
        if (!root.TryGetProperty("layout", out var layout) || layout.ValueKind != JsonValueKind.Object || !layout.TryGetProperty("title", out var title)) return null;
        if (title.ValueKind == JsonValueKind.String) return title.GetString();
        return title.ValueKind == JsonValueKind.Object && title.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
    }
}
