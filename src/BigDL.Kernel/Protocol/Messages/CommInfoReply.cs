using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>comm_info_reply</c>: the open comms by id (this kernel opens none).</summary>
internal sealed record CommInfoReply(JsonObject Comms)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
