using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>shutdown_request</c>: replies (echoing <c>restart</c>), then asks the server to stop.</summary>
internal sealed class ShutdownHandler(KernelMessenger messenger, Action stop) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "shutdown_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shutdown = request.Message.ContentAs<ShutdownRequest>();
        messenger.Reply(request, "shutdown_reply", new ShutdownReply(shutdown.Restart));
        stop();
    }
}
