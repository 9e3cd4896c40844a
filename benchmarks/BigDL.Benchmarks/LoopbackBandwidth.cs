using System.Net;
using System.Net.Sockets;

namespace BigDL.Benchmarks;

/// <summary>What one plain TCP connection on loopback carries: one sender writing a 64 MB buffer again and again, one receiver reading into its own.</summary>
internal static class LoopbackBandwidth
{
    private const int BufferBytes = 64 << 20;
    private const int WritesPerCall = 4;

    // The socket options the mesh sets on its links (TcpLink.Configure), so the two numbers compare.
    private const int SocketBufferBytes = 4 << 20;

    /// <summary>Bytes per second (median of several 256 MB transfers).</summary>
    public static double Measure()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var sender = Configured(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        sender.Connect(listener.LocalEndPoint!);
        using var receiver = Configured(listener.Accept());
        using var output = new NetworkStream(sender);
        using var input = new NetworkStream(receiver);
        var source = new byte[BufferBytes];
        var sink = new byte[BufferBytes];
        Random.Shared.NextBytes(source);
        double seconds = Timing.MedianSeconds(() =>
        {
            var writing = Task.Run(async () =>
            {
                for (int i = 0; i < WritesPerCall; i++) await output.WriteAsync(source);
            });
            for (int i = 0; i < WritesPerCall; i++) input.ReadExactly(sink);
            writing.GetAwaiter().GetResult();
        }, minSeconds: 1, minRuns: 5);
        return (double)BufferBytes * WritesPerCall / seconds;
    }

    private static Socket Configured(Socket socket)
    {
        socket.NoDelay = true;
        socket.SendBufferSize = SocketBufferBytes;
        socket.ReceiveBufferSize = SocketBufferBytes;
        return socket;
    }
}
