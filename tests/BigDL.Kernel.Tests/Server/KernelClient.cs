using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace BigDL.Kernel.Tests.Server;

/// <summary>A front end over real sockets: DEALERs on shell and control, a SUB on iopub, a REQ on the heartbeat.</summary>
internal sealed class KernelClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly DealerSocket shell = new();
    private readonly DealerSocket control = new();
    private readonly SubscriberSocket iopub = new();
    private readonly RequestSocket heartbeat = new();
    private readonly WireCodec codec;
    private readonly string session = Guid.NewGuid().ToString();

    public KernelClient(ConnectionInfo connection, string? key = null)
    {
        codec = new WireCodec(new MessageSigner(key ?? connection.Key));
        shell.Connect(connection.Endpoint(connection.ShellPort));
        control.Connect(connection.Endpoint(connection.ControlPort));
        iopub.Connect(connection.Endpoint(connection.IopubPort));
        iopub.SubscribeToAnyTopic();
        heartbeat.Connect(connection.Endpoint(connection.HeartbeatPort));
    }

    /// <summary>Sends on shell; returns the request's msg_id.</summary>
    public string Shell(string msgType, object content) => Send(shell, msgType, content);

    /// <summary>Sends on control; returns the request's msg_id.</summary>
    public string Control(string msgType, object content) => Send(control, msgType, content);

    /// <summary>Sends raw frames on shell (for tampered messages).</summary>
    public void ShellFrames(List<byte[]> frames) => shell.SendMultipartBytes(frames);

    /// <summary>A request's frames, signed with this client's key.</summary>
    public List<byte[]> Encode(string msgType, object content) => codec.Encode(NewMessage(msgType, content));

    public JupyterMessage ShellReply() => Receive(shell, "shell");

    public JupyterMessage ControlReply() => Receive(control, "control");

    public JupyterMessage NextIopub() => Receive(iopub, "iopub");

    /// <summary>The iopub messages whose parent is <paramref name="msgId"/>, up to and with its <c>idle</c>.</summary>
    public List<JupyterMessage> IopubUntilIdle(string msgId)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            JupyterMessage message = NextIopub();
            if (message.ParentHeader?.MsgId != msgId)
                continue;
            messages.Add(message);
            if (message.MsgType == "status" && (string?)message.Content["execution_state"] == "idle")
                return messages;
        }
    }

    /// <summary>Round-trips the heartbeat.</summary>
    public byte[] Ping(byte[] payload)
    {
        heartbeat.SendFrame(payload);
        if (!heartbeat.TryReceiveFrameBytes(Timeout, out byte[]? echo))
            throw new TimeoutException("No heartbeat echo.");
        return echo;
    }

    /// <summary>Like jupyter_client's wait_for_ready: kernel_info until a reply and an iopub message arrive (the SUB
    /// misses what is published before its subscription reaches the kernel), then drains iopub.</summary>
    public void WaitForReady()
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            Shell("kernel_info_request", new JsonObject());
            Receive(shell, "shell");
            var frames = new List<byte[]>();
            if (iopub.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
            {
                while (iopub.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
                    frames = [];
                return;
            }
        }
        throw new TimeoutException("The kernel's iopub never delivered a message.");
    }

    public void Dispose()
    {
        foreach (NetMQSocket socket in new NetMQSocket[] { shell, control, iopub, heartbeat })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
    }

    private string Send(DealerSocket socket, string msgType, object content)
    {
        JupyterMessage message = NewMessage(msgType, content);
        socket.SendMultipartBytes(codec.Encode(message));
        return message.Header.MsgId;
    }

    private JupyterMessage NewMessage(string msgType, object content) =>
        new([], MessageHeader.Create(msgType, session, "tester"), null, [], JupyterMessage.ToContent(content), []);

    private JupyterMessage Receive(NetMQSocket socket, string name)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(Timeout, ref frames))
            throw new TimeoutException($"Nothing arrived on {name} within {Timeout}.");
        return codec.Decode(frames);
    }
}
