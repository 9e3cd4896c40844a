using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>comm_info_request</c>: this kernel has no comms, so the answer is an empty dictionary.</summary>
internal sealed class CommInfoHandler(KernelMessenger messenger) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "comm_info_request";

    /// <inheritdoc/>
    public void Handle(Request request) => messenger.Reply(request, "comm_info_reply", new CommInfoReply([]));
}
