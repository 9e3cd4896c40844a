using NetMQ;
using NetMQ.Sockets;

namespace BigDL.Kernel.Server;

/// <summary>Echoes every heartbeat back on its own thread, so a busy kernel still shows it is alive.</summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly NetMQPoller poller;

    /// <summary>A heartbeat answering on <paramref name="socket"/> (bound by the caller, which also disposes it).</summary>
    public Heartbeat(ResponseSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.ReceiveReady += (_, e) => Echo(e.Socket);
        poller = [socket];
    }

    /// <summary>Starts echoing.</summary>
    public void Start() => poller.RunAsync("jupyter-heartbeat");

    /// <summary>Stops echoing.</summary>
    public void Dispose()
    {
        if (poller.IsRunning)
            poller.Stop();
        poller.Dispose();
    }

    private static void Echo(NetMQSocket socket)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            socket.SendMultipartBytes(frames);
            frames = [];
        }
    }
}
