using System.Text.Json.Nodes;

namespace BigDL.Kernel.Execution;

/// <summary>
/// One rich value as Jupyter carries it: a MIME bundle (<c>text/plain</c>, <c>text/html</c>, <c>image/png</c>, …) and its
/// metadata. Text formats hold a JSON string; JSON formats (<c>application/json</c>,
/// <c>application/vnd.plotly.v1+json</c>) hold the JSON value itself.
/// </summary>
/// <param name="Data">MIME type → representation.</param>
/// <param name="Metadata">Per-MIME metadata (for example image sizes); empty when there is none.</param>
public sealed record DisplayData(IReadOnlyDictionary<string, JsonNode?> Data, IReadOnlyDictionary<string, JsonNode?> Metadata)
{
    /// <summary>A bundle with a single text representation.</summary>
    public static DisplayData Text(string mimeType, string text) =>
        new(new Dictionary<string, JsonNode?> { [mimeType] = JsonValue.Create(text) }, new Dictionary<string, JsonNode?>());
}
