using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>is_complete_request</c>: the session's verdict; for incomplete code, the indent of the next line
/// (the last line's, four spaces deeper after an opening bracket).</summary>
internal sealed class IsCompleteHandler(ICodeSession session, KernelMessenger messenger) : IRequestHandler
{
    private const string IndentStep = "    ";

    /// <inheritdoc/>
    public string MessageType => "is_complete_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string code = request.Message.ContentAs<IsCompleteRequest>().Code;
        IsCompleteReply reply = session.IsComplete(code) switch
        {
            Completeness.Complete => new IsCompleteReply("complete"),
            Completeness.Incomplete => new IsCompleteReply("incomplete", NextIndent(code)),
            Completeness.Invalid => new IsCompleteReply("invalid"),
            _ => new IsCompleteReply("unknown"),
        };
        messenger.Reply(request, "is_complete_reply", reply);
    }

    private static string NextIndent(string code)
    {
        string lastLine = code.TrimEnd('\r', '\n').Split('\n')[^1].TrimEnd();
        string indent = lastLine[..(lastLine.Length - lastLine.TrimStart().Length)];
        return lastLine.EndsWith('{') || lastLine.EndsWith('(') || lastLine.EndsWith('[') ? indent + IndentStep : indent;
    }
}
