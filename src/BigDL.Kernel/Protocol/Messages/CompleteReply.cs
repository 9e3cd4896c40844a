using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>complete_reply</c>: the matches and the code-point range they replace.</summary>
internal sealed record CompleteReply(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd, JsonObject Metadata)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
