using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>history_reply</c>: <c>[session, line, input]</c> triples, or <c>[session, line, [input, output]]</c>.</summary>
internal sealed record HistoryReply(JsonArray History)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
