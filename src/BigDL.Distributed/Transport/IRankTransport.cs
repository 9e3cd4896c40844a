namespace BigDL.Distributed.Transport;

/// <summary>
/// One rank's link to the other ranks of a job: sends frames to a rank, receives the frames sent to it. Frames from one
/// sender to one receiver arrive in the order they were sent; frames of different senders interleave in any order.
/// Implemented in memory for ranks of one process (<see cref="InMemoryNetwork"/>) and over TCP between processes (<see cref="Tcp.TcpMesh"/>).
/// </summary>
/// <remarks>Disposing the transport leaves the job: the other ranks then get a <see cref="PeerLostException"/> naming this rank.</remarks>
public interface IRankTransport : IAsyncDisposable
{
    /// <summary>This rank, in [0, <see cref="WorldSize"/>).</summary>
    int Rank { get; }

    /// <summary>The number of ranks of the job.</summary>
    int WorldSize { get; }

    /// <summary>Sends a frame to <paramref name="destination"/>; <paramref name="payload"/> may be reused once the returned task completes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is not another rank of the job.</exception>
    /// <exception cref="ArgumentException"><paramref name="header"/>'s source is not this rank.</exception>
    /// <exception cref="PeerLostException">The destination has left the job.</exception>
    ValueTask SendAsync(int destination, FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation = default);

    /// <summary>The next frame sent to this rank, from any peer, waiting for one.</summary>
    /// <exception cref="PeerLostException">A peer has left the job (after the frames it sent before leaving were received).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was requested.</exception>
    ValueTask<Frame> ReceiveAsync(CancellationToken cancellation = default);

    /// <summary>
    /// Hands back the payload of a received frame the receiver no longer reads, so the transport may receive into its
    /// buffer again; a payload this transport did not lend, or one released before, is ignored. Optional: a frame never
    /// released is collected as garbage.
    /// </summary>
    void Release(ReadOnlyMemory<byte> payload)
    {
    }
}
