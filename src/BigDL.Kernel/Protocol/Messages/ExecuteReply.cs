using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>execute_reply</c> with status <c>ok</c> or <c>error</c> (an aborted request gets a <see cref="StatusReply"/>).</summary>
internal sealed record ExecuteReply(string Status, int ExecutionCount)
{
    /// <summary>Results of the request's user expressions (always empty here); only when ok.</summary>
    public JsonObject? UserExpressions { get; init; }

    /// <summary>Payloads (the pager's <c>page</c>, when the cell asked for help); only when ok.</summary>
    public JsonArray? Payload { get; init; }

    /// <summary>The error's name; only on error.</summary>
    public string? Ename { get; init; }

    /// <summary>The error's message; only on error.</summary>
    public string? Evalue { get; init; }

    /// <summary>The error's lines; only on error.</summary>
    public IReadOnlyList<string>? Traceback { get; init; }

    /// <summary>The reply to a cell that ran; <paramref name="page"/> is text for the front end's pager.</summary>
    public static ExecuteReply Ok(int executionCount, DisplayData? page = null) =>
        new("ok", executionCount) { UserExpressions = [], Payload = page is null ? [] : [PagePayload(page)] };

    private static JsonObject PagePayload(DisplayData page)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in page.Data) data[mime] = value?.DeepClone();
        return new JsonObject { ["source"] = "page", ["data"] = data, ["start"] = 0 };
    }

    /// <summary>The reply to a cell that failed with <paramref name="error"/>.</summary>
    public static ExecuteReply Error(int executionCount, ErrorContent error) =>
        new("error", executionCount) { Ename = error.Ename, Evalue = error.Evalue, Traceback = error.Traceback };
}
