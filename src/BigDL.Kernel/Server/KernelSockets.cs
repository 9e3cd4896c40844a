using BigDL.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace BigDL.Kernel.Server;

/// <summary>
/// The kernel's five sockets. Shell, control and iopub (and the idle stdin) belong to one poller thread: received
/// messages are decoded and verified there, and messages sent from any thread are queued to it, since NetMQ sockets
/// are not thread-safe. The heartbeat runs on its own thread. Ports of 0 are bound to free ports.
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);

    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeatSocket = new();
    private readonly NetMQQueue<Outgoing?> outgoing = new();
    private readonly NetMQPoller poller;
    private readonly Heartbeat heartbeat;
    private readonly WireCodec codec;
    private readonly TextWriter log;
    private readonly Lock gate = new();
    private Action<Request> deliver = _ => { };
    private Thread? thread;
    private bool closed;

    /// <summary>Binds every socket of <paramref name="connection"/>.</summary>
    public KernelSockets(ConnectionInfo connection, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        this.log = log;
        codec = new WireCodec(new MessageSigner(connection.Key));
        try
        {
            Connection = connection.WithPorts(
                Bind(shell, connection, connection.ShellPort),
                Bind(control, connection, connection.ControlPort),
                Bind(stdin, connection, connection.StdinPort),
                Bind(iopub, connection, connection.IopubPort),
                Bind(heartbeatSocket, connection, connection.HeartbeatPort));
        }
        catch
        {
            DisposeSockets(); // a port was taken: free the ones already bound
            outgoing.Dispose();
            throw;
        }
        shell.ReceiveReady += (_, _) => Receive(shell, KernelChannel.Shell);
        control.ReceiveReady += (_, _) => Receive(control, KernelChannel.Control);
        outgoing.ReceiveReady += (_, _) => SendQueued();
        poller = [shell, control, outgoing];
        heartbeat = new Heartbeat(heartbeatSocket);
    }

    /// <summary>The connection with the ports actually bound.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>Starts the heartbeat and the poller; each valid shell or control message goes to <paramref name="onRequest"/>
    /// (on the poller thread).</summary>
    public void Start(Action<Request> onRequest)
    {
        ArgumentNullException.ThrowIfNull(onRequest);
        if (thread is not null)
            throw new InvalidOperationException("The kernel sockets are already started.");
        deliver = onRequest;
        heartbeat.Start();
        thread = new Thread(poller.Run) { Name = "jupyter-sockets", IsBackground = true };
        thread.Start();
    }

    /// <summary>Queues <paramref name="message"/> for <paramref name="channel"/> (thread-safe); dropped once closed.</summary>
    public void Send(KernelChannel channel, JupyterMessage message)
    {
        var item = new Outgoing(channel, codec.Encode(message));
        lock (gate)
        {
            if (!closed)
                outgoing.Enqueue(item);
        }
    }

    /// <summary>Sends what is queued, stops the threads and closes the sockets.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (closed)
                return;
            closed = true;
            outgoing.Enqueue(null);
        }
        thread?.Join();
        heartbeat.Dispose();
        poller.Dispose();
        outgoing.Dispose();
        DisposeSockets();
    }

    private void DisposeSockets()
    {
        foreach (NetMQSocket socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeatSocket })
            socket.Dispose();
    }

    private static int Bind(NetMQSocket socket, ConnectionInfo connection, int port)
    {
        socket.Options.Linger = Linger;
        if (port == 0)
            return socket.BindRandomPort($"{connection.Transport}://{connection.Ip}");
        socket.Bind(connection.Endpoint(port));
        return port;
    }

    private void Receive(NetMQSocket socket, KernelChannel channel)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            Deliver(channel, frames);
            frames = [];
        }
    }

    private void Deliver(KernelChannel channel, List<byte[]> frames)
    {
        JupyterMessage message;
        try
        {
            message = codec.Decode(frames);
        }
        catch (Exception e)
        {
            // A bad signature or malformed frames (or anything else a decoder can throw): never the poller's end.
            log.WriteLine($"bigdl-kernel: dropped a message on {channel}: {e.Message}");
            return;
        }
        deliver(new Request(channel, message));
    }

    private void SendQueued()
    {
        while (outgoing.TryDequeue(out Outgoing? item, TimeSpan.Zero))
        {
            if (item is null)
            {
                poller.StopAsync();
                return;
            }
            SocketOf(item.Channel).SendMultipartBytes(item.Frames);
        }
    }

    private NetMQSocket SocketOf(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => shell,
        KernelChannel.Control => control,
        KernelChannel.IoPub => iopub,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Expected Shell, Control or IoPub."),
    };

    private sealed record Outgoing(KernelChannel Channel, List<byte[]> Frames);
}
