using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>complete_request</c>: the session's completions; cursors are code points on both sides.</summary>
internal sealed class CompleteHandler(ICodeSession session, KernelMessenger messenger) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "complete_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var complete = request.Message.ContentAs<CompleteRequest>();
        int cursor = CursorPosition.Resolve(complete.Code, complete.CursorPos);
        CompletionResult result = session.CompleteAsync(complete.Code, cursor, CancellationToken.None).GetAwaiter().GetResult();
        messenger.Reply(request, "complete_reply", new CompleteReply(result.Matches, result.CursorStart, result.CursorEnd, []));
    }
}
