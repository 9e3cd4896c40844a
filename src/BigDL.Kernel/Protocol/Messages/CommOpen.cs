using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>comm_open</c> from the front end.</summary>
internal sealed record CommOpen(string CommId, string TargetName, JsonObject? Data = null);
