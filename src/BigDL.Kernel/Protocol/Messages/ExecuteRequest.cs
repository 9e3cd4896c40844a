using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>execute_request</c>: run a cell.</summary>
/// <param name="Code">The cell's source.</param>
/// <param name="Silent">Run quietly: nothing on iopub, no history, no count.</param>
/// <param name="StoreHistory">Count the cell and keep it in the history (ignored when silent).</param>
/// <param name="UserExpressions">Expressions to evaluate after the cell (answered empty).</param>
/// <param name="AllowStdin">Whether the front end answers input requests.</param>
/// <param name="StopOnError">Abort the queued execute requests when this cell fails.</param>
internal sealed record ExecuteRequest(
    string Code,
    bool Silent = false,
    bool StoreHistory = true,
    JsonObject? UserExpressions = null,
    bool AllowStdin = true,
    bool StopOnError = true);
