using System.Net;
using System.Net.Sockets;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// A rank's listening socket for the mesh, bound and listening on a port the OS picks before its address is published
/// to the other ranks, so no port is released and re-bound in between. Dispose it once <see cref="TcpMesh.ConnectAsync"/>
/// has returned.
/// </summary>
public sealed class TcpMeshListener : IDisposable
{
    private readonly Socket _socket;

    private TcpMeshListener(Socket socket, IPEndPoint endPoint)
    {
        _socket = socket;
        EndPoint = endPoint;
    }

    /// <summary>The address and port the other ranks dial.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>A listener on <paramref name="address"/> (for example <see cref="IPAddress.Loopback"/> or the host's address) at a port the OS picks.</summary>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public static TcpMeshListener Bind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
            socket.Listen();
            return new TcpMeshListener(socket, (IPEndPoint)socket.LocalEndPoint!);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next connection made to this listener.</summary>
    internal async ValueTask<Socket> AcceptAsync(CancellationToken cancellation) => await _socket.AcceptAsync(cancellation).ConfigureAwait(false);

    /// <summary>Stops listening; connections not yet accepted are refused.</summary>
    public void Dispose() => _socket.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"TcpMeshListener({EndPoint})";
}
