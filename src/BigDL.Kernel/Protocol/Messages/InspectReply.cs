using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>inspect_reply</c>: whether a symbol was found, and its documentation as a MIME bundle.</summary>
internal sealed record InspectReply(
    bool Found,
    IReadOnlyDictionary<string, JsonNode?> Data,
    IReadOnlyDictionary<string, JsonNode?> Metadata)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
