using System.Text;
using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Server;

/// <summary>Builds this kernel's messages and sends them: replies to requests, and the thread-safe iopub publisher.</summary>
internal sealed class KernelMessenger(KernelSockets sockets)
{
    private const string Username = "kernel";

    /// <summary>This kernel's session id, in every header it sends.</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>Answers <paramref name="request"/> on its channel.</summary>
    public void Reply(Request request, string msgType, object content)
    {
        ArgumentNullException.ThrowIfNull(request);
        sockets.Send(request.Channel, Build(msgType, content, request.Message.Header, request.Message.Identities));
    }

    /// <summary>Broadcasts on iopub, as a child of <paramref name="parent"/> (none for <c>starting</c>).</summary>
    public void Publish(string msgType, object content, MessageHeader? parent)
    {
        byte[] topic = Encoding.UTF8.GetBytes($"kernel.{Session}.{msgType}");
        sockets.Send(KernelChannel.IoPub, Build(msgType, content, parent, [topic]));
    }

    private JupyterMessage Build(string msgType, object content, MessageHeader? parent, IReadOnlyList<byte[]> identities)
    {
        ArgumentException.ThrowIfNullOrEmpty(msgType);
        return new JupyterMessage(identities, MessageHeader.Create(msgType, Session, Username), parent, [],
            JupyterMessage.ToContent(content), []);
    }
}
