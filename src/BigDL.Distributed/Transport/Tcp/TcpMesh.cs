using System.Globalization;
using System.Net;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// Connects the ranks of a job over TCP (SPARK.md, plane P2): one connection per pair of ranks, the higher rank dialling
/// the lower; each link passes a mutual handshake (protocol, job, generation, ranks, proof of the job's token) before
/// any frame. Frames then travel as the 24-byte <see cref="FrameHeader"/> followed by the payload; idle links send
/// heartbeats, and a peer that closes, resets or falls silent is reported as a <see cref="PeerLostException"/>.
/// </summary>
public static class TcpMesh
{
    /// <summary>
    /// Connects this rank to every other rank of the job and returns its transport once all links passed their handshake.
    /// </summary>
    /// <param name="listener">This rank's listener, bound before its address was published; the lower ranks' links are accepted on it.</param>
    /// <param name="identity">Who this rank is, in which job and generation, with the job's token.</param>
    /// <param name="peers">Rank r's listener address at index r, one for every rank of the job (this rank's own entry is ignored).</param>
    /// <param name="options">Deadlines; null for the defaults.</param>
    /// <param name="cancellation">Cancels the set-up.</param>
    /// <exception cref="ArgumentException">The identity, the peers or the options do not fit each other.</exception>
    /// <exception cref="MeshHandshakeException">A dialled peer refused this rank or was refused by it.</exception>
    /// <exception cref="TimeoutException">Not every link was up within <see cref="TcpMeshOptions.ConnectTimeout"/>; the message names the missing ranks and the connections refused.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was requested.</exception>
    public static Task<IRankTransport> ConnectAsync(TcpMeshListener listener, MeshIdentity identity, IReadOnlyList<IPEndPoint> peers,
        TcpMeshOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(peers);
        options ??= new TcpMeshOptions();
        Validate(identity, peers, options);
        return new MeshAssembly(listener, identity, peers, options).RunAsync(cancellation);
    }

    private static void Validate(MeshIdentity identity, IReadOnlyList<IPEndPoint> peers, TcpMeshOptions options)
    {
        if (identity.WorldSize < 1 || (uint)identity.Rank >= (uint)identity.WorldSize)
            throw new ArgumentException(Say($"expected identity.WorldSize >= 1 and identity.Rank in [0, WorldSize), got rank {identity.Rank} of world size {identity.WorldSize}"), nameof(identity));
        if (identity.Generation < 0)
            throw new ArgumentException(Say($"expected identity.Generation >= 0, got {identity.Generation}"), nameof(identity));
        if (identity.JobId is null || !MeshHandshake.IsValidJobId(identity.JobId))
            throw new ArgumentException(Say($"expected identity.JobId of 1 to 256 bytes of UTF-8, got '{identity.JobId}'"), nameof(identity));
        if (identity.Token.IsEmpty)
            throw new ArgumentException("expected identity.Token to hold the job's secret, got an empty token", nameof(identity));
        if (peers.Count != identity.WorldSize)
            throw new ArgumentException(Say($"expected one listener address per rank ({identity.WorldSize}), got {peers.Count}"), nameof(peers));
        for (int r = 0; r < peers.Count; r++)
            if (r != identity.Rank && peers[r] is null)
                throw new ArgumentException(Say($"expected the listener address of rank {r}, got null"), nameof(peers));
        if (options.ConnectTimeout <= TimeSpan.Zero || options.HeartbeatInterval <= TimeSpan.Zero || options.PeerSilence <= options.HeartbeatInterval)
            throw new ArgumentException(Say($"expected a positive ConnectTimeout and HeartbeatInterval and a PeerSilence above HeartbeatInterval, got {options}"), nameof(options));
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
