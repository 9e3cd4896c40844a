namespace BigDL.Distributed.Transport.Tcp;

/// <summary>Deadlines of a TCP mesh: how long setting it up may take and when a quiet peer counts as lost.</summary>
public sealed record TcpMeshOptions
{
    /// <summary>The deadline of the whole mesh set-up: every link dialled or accepted and through its handshake (default 30 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A link that sent nothing for this long sends a <see cref="FrameType.Heartbeat"/> frame (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A peer from which no byte arrived for this long is lost (default 10 s); keep it well above <see cref="HeartbeatInterval"/>.</summary>
    public TimeSpan PeerSilence { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes of each shared-memory slot for links to peers on this machine (gradient and weight slices of at most this
    /// size then go through <c>/dev/shm</c> instead of the socket); 0 (the default): every payload travels on the socket.
    /// Leave it 0 when ranks on one machine must talk over the network (e.g. each in its own network namespace).
    /// </summary>
    public int SharedSlotBytes { get; init; }
}
