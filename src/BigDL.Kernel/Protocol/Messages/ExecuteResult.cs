using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>execute_result</c> (iopub): a cell's value as a MIME bundle.</summary>
internal sealed record ExecuteResult(
    int ExecutionCount,
    IReadOnlyDictionary<string, JsonNode?> Data,
    IReadOnlyDictionary<string, JsonNode?> Metadata);
