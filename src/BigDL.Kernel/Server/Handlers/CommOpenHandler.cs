using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>comm_open</c> from the front end: no comm target is registered, so the comm is closed at once.</summary>
internal sealed class CommOpenHandler(KernelMessenger messenger, TextWriter log) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "comm_open";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = request.Message.ContentAs<CommOpen>();
        log.WriteLine($"bigdl-kernel: no comm target '{open.TargetName}'; closing comm {open.CommId}");
        messenger.Publish("comm_close", new CommClose(open.CommId, []), request.Message.Header);
    }
}
