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
}
