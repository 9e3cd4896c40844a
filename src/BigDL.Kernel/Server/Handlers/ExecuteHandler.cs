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
        int count = Count(execute);
        if (!execute.Silent)
            messenger.Publish("execute_input", new ExecuteInput(execute.Code, count), parent);
        var output = new CellOutput(messenger, parent, execute.Silent);
        ErrorContent? error = Run(execute.Code, output, count);
        if (error is null)
        {
            output.Flush();
            messenger.Reply(request, "execute_reply", ExecuteReply.Ok(count));
            return;
        }
        output.Error(error);
        aborting = execute.StopOnError && !execute.Silent;
        messenger.Reply(request, "execute_reply", ExecuteReply.Error(count, error));
    }

    /// <summary>Ends the abort that follows a failure: no request is left waiting.</summary>
    public void QueueDrained() => aborting = false;

    private int Count(ExecuteRequest execute)
    {
        if (execute.Silent || !execute.StoreHistory)
            return executionCount;
        executionCount++;
        history.Add(executionCount, execute.Code);
        return executionCount;
    }

    /// <summary>Runs the cell and publishes its value; returns its error, if it failed or threw.</summary>
    private ErrorContent? Run(string code, CellOutput output, int count)
    {
        CancellationToken interrupt = running.Begin();
        try
        {
            switch (session.ExecuteAsync(code, output, interrupt).GetAwaiter().GetResult())
            {
                case ExecutionOutcome.Success { Result: { } result }:
                    output.Result(count, result);
                    return null;
                case ExecutionOutcome.Success:
                    return null;
                case ExecutionOutcome.Failure failure:
                    return new ErrorContent(failure.Name, failure.Value, failure.Traceback);
                case var other:
                    throw new InvalidOperationException(
                        $"The session must return a Success or a Failure, got {other?.GetType().Name ?? "null"}.");
            }
        }
        catch (Exception e)
        {
            return ErrorContent.From(e);
        }
        finally
        {
            running.End();
        }
    }
}
