using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>interrupt_request</c> (control): cancels the running cell's token; the cell stops cooperatively.</summary>
internal sealed class InterruptHandler(RunningCell running, KernelMessenger messenger) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "interrupt_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        running.Cancel();
        messenger.Reply(request, "interrupt_reply", StatusReply.Ok);
    }
}
