using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary>
/// <c>execute_request</c>: counts the cell as IPython does (not when silent or without <c>store_history</c>),
/// publishes <c>execute_input</c>, runs the cell with an interruptible token, publishes its value or its error,
/// and replies. After a failure with <c>stop_on_error</c>, the execute requests already queued are aborted.
/// </summary>
internal sealed class ExecuteHandler(ICodeSession session, KernelMessenger messenger, ExecutionHistory history, RunningCell running)
    : IRequestHandler
{
    private int executionCount;
    private bool aborting;

    /// <inheritdoc/>
    public string MessageType => "execute_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (aborting)
        {
            messenger.Reply(request, "execute_reply", StatusReply.Aborted);
            return;
        }
        var execute = request.Message.ContentAs<ExecuteRequest>();
        MessageHeader parent = request.Message.Header;
        bool stored = execute.StoreHistory && !execute.Silent;
        int count = stored ? Store(execute.Code) : executionCount;
        if (!execute.Silent)
            messenger.Publish("execute_input", new ExecuteInput(execute.Code, count), parent);
        var output = new CellOutput(messenger, parent, execute.Silent);
        (DisplayData? result, DisplayData? page, ErrorContent? error) = Run(execute.Code, output);
        if (error is not null)
        {
            output.Error(error);
            aborting = execute.StopOnError && !execute.Silent;
            messenger.Reply(request, "execute_reply", ExecuteReply.Error(count, error));
            return;
        }
        if (result is not null)
            Show(result, output, count, stored);
        output.Flush();
        messenger.Reply(request, "execute_reply", ExecuteReply.Ok(count, page));
    }

    /// <summary>Ends the abort that follows a failure: no request is left waiting.</summary>
    public void QueueDrained() => aborting = false;

    private int Store(string code)
    {
        executionCount++;
        history.Add(executionCount, code);
        return executionCount;
    }

    /// <summary>Runs the cell; a failure, or anything the session throws, comes back as the error.</summary>
    private (DisplayData? Result, DisplayData? Page, ErrorContent? Error) Run(string code, CellOutput output)
    {
        CancellationToken interrupt = running.Begin();
        try
        {
            return session.ExecuteAsync(code, output, interrupt).GetAwaiter().GetResult() switch
            {
                ExecutionOutcome.Success success => (success.Result, success.Page, null),
                ExecutionOutcome.Failure failure => (null, null, new ErrorContent(failure.Name, failure.Value, failure.Traceback)),
                var other => throw new InvalidOperationException(
                    $"The session must return a Success or a Failure, got {other?.GetType().Name ?? "null"}."),
            };
        }
        catch (Exception e)
        {
            return (null, null, ErrorContent.From(e));
        }
        finally
        {
            running.End();
        }
    }

    private void Show(DisplayData result, CellOutput output, int count, bool stored)
    {
        output.Result(count, result);
        if (stored && result.Data.TryGetValue("text/plain", out JsonNode? text))
            history.RecordOutput(count, text is JsonValue value && value.TryGetValue(out string? plain) ? plain : text?.ToJsonString() ?? "");
    }
}
