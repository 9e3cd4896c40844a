using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>comm_close</c> (iopub): the kernel refuses or ends a comm.</summary>
internal sealed record CommClose(string CommId, JsonObject Data);
