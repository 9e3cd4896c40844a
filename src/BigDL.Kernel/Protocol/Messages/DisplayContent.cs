using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary>The content of <c>display_data</c> and <c>update_display_data</c> (iopub).</summary>
internal sealed record DisplayContent(
    IReadOnlyDictionary<string, JsonNode?> Data,
    IReadOnlyDictionary<string, JsonNode?> Metadata,
    DisplayTransient Transient);
