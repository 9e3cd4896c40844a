using BigDL.Kernel.Protocol;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server;

/// <summary>
/// Routes each message to the handler of its type, with <c>busy</c> before and <c>idle</c> after (parent = the
/// request's header). A handler's exception becomes an error reply; an unknown type is logged.
/// </summary>
internal sealed class RequestDispatcher
{
    private const string RequestSuffix = "_request";

    private readonly Dictionary<string, IRequestHandler> handlers;
    private readonly KernelMessenger messenger;
    private readonly TextWriter log;

    /// <summary>A dispatcher over <paramref name="handlers"/> (one per message type).</summary>
    public RequestDispatcher(IEnumerable<IRequestHandler> handlers, KernelMessenger messenger, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        this.handlers = handlers.ToDictionary(h => h.MessageType);
        this.messenger = messenger ?? throw new ArgumentNullException(nameof(messenger));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Serves <paramref name="request"/> between busy and idle.</summary>
    public void Dispatch(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        MessageHeader header = request.Message.Header;
        messenger.Publish("status", KernelStatus.Busy, header);
        try
        {
            Handle(request);
        }
        finally
        {
            messenger.Publish("status", KernelStatus.Idle, header);
        }
    }

    private void Handle(Request request)
    {
        string msgType = request.Message.MsgType;
        if (!handlers.TryGetValue(msgType, out IRequestHandler? handler))
        {
            log.WriteLine($"bigdl-kernel: ignored a message of unhandled type '{msgType}' on {request.Channel}");
            return;
        }
        try
        {
            handler.Handle(request);
        }
        catch (Exception e)
        {
            log.WriteLine($"bigdl-kernel: {msgType} failed: {e.Message}");
            if (msgType.EndsWith(RequestSuffix, StringComparison.Ordinal))
                messenger.Reply(request, msgType[..^RequestSuffix.Length] + "_reply", ErrorReply.From(ErrorContent.From(e)));
        }
    }
}
