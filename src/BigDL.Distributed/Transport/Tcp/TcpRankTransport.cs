using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using BigDL.Distributed.Transport.Shared;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// One rank's <see cref="IRankTransport"/> over a mesh of TCP links, one per peer: frames of every link land in one
/// queue; a pulse sends heartbeats on idle links and ends links whose peer fell silent. The first failure of any link
/// (after the frames that link delivered before it) fails this and every later receive.
/// </summary>
internal sealed class TcpRankTransport : IRankTransport
{
    // How long leaving waits for a frame being written and for each peer to close its side.
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly MeshIdentity _identity;
    private readonly TcpMeshOptions _options;
    private readonly TcpLink?[] _links;
    private readonly Channel<TcpDelivery> _inbox = Channel.CreateUnbounded<TcpDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly PayloadPool _payloads = new();
    private readonly SharedPayloadFile?[] _outgoing;
    private readonly SharedPayloadFile?[] _incoming;
    private readonly Task _pulse;
    private Exception? _failure;
    private int _disposed;

    /// <summary>A transport for <paramref name="identity"/> with no link yet; <see cref="Attach"/> adds them as their handshakes complete.</summary>
    public TcpRankTransport(MeshIdentity identity, TcpMeshOptions options)
    {
        _identity = identity;
        _options = options;
        _links = new TcpLink?[identity.WorldSize];
        _outgoing = new SharedPayloadFile?[identity.WorldSize];
        _incoming = new SharedPayloadFile?[identity.WorldSize];
        // Created before any link is dialled or accepted, so a peer that completes a handshake with this rank finds them.
        if (options.SharedSlotBytes > 0)
            for (int peer = 0; peer < identity.WorldSize; peer++)
                if (peer != identity.Rank) _outgoing[peer] = SharedPayloadFile.Create(SharedPayloadFile.PathFor(identity.JobId, identity.Generation, identity.Rank, peer), options.SharedSlotBytes);
        _pulse = PulseAsync();
    }

    public int Rank => _identity.Rank;

    public int WorldSize => _identity.WorldSize;

    /// <summary>Adds the link to <see cref="TcpLink.PeerRank"/> and starts reading it (heartbeats flow from now on, even while the mesh is still being set up).</summary>
    public void Attach(TcpLink link)
    {
        int peer = link.PeerRank;
        if (_options.SharedSlotBytes > 0)
            _incoming[peer] = SharedPayloadFile.Attach(SharedPayloadFile.PathFor(_identity.JobId, _identity.Generation, peer, Rank), _options.SharedSlotBytes);
        Volatile.Write(ref _links[peer], link);
        link.Start(_inbox.Writer, _payloads, _outgoing[peer], _incoming[peer]);
    }

    public async ValueTask SendAsync(int destination, FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        SendArguments.Require(Rank, WorldSize, destination, header);
        if (payload.Length > TcpLink.MaxPayload)
            throw new ArgumentException(Say($"expected a payload of at most {TcpLink.MaxPayload} bytes, got {payload.Length}"), nameof(payload));
        // Every link is attached before the mesh hands this transport out.
        await Volatile.Read(ref _links[destination])!.SendAsync(header, payload, cancellation).ConfigureAwait(false);
    }

    public void Release(ReadOnlyMemory<byte> payload)
    {
        if (MemoryMarshal.TryGetMemoryManager(payload, out SharedPayloadFile.SlotMemory? slot)) slot.Free();
        else _payloads.Return(payload);
    }

    public async ValueTask<Frame> ReceiveAsync(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_failure is not null) throw Again(_failure);
        TcpDelivery delivery;
        try
        {
            delivery = await _inbox.Reader.ReadAsync(cancellation).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(ToString());
        }
        if (delivery.Failure is null) return delivery.Frame;
        _failure = delivery.Failure;
        throw _failure;
    }

    /// <summary>Leaves the job: stops the pulse, tells every peer no more frames come, closes every link and waits for their read loops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _inbox.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pulse.ConfigureAwait(false);
        await Task.WhenAll(_links.OfType<TcpLink>().Select(link => link.CloseAsync(CloseGrace))).ConfigureAwait(false);
        foreach (var file in _outgoing.Concat(_incoming)) file?.Dispose();
        _stop.Dispose();
    }

    public override string ToString() => Say($"TcpRankTransport(rank {Rank} of {WorldSize}, job '{_identity.JobId}', generation {_identity.Generation})");

    private async Task PulseAsync()
    {
        var beat = Math.Min(_options.HeartbeatInterval.Ticks, _options.PeerSilence.Ticks) / 4;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(beat, TimeSpan.TicksPerMillisecond * 5, TimeSpan.TicksPerSecond)));
        var heartbeat = TcpLink.Heartbeat(_identity.Generation, Rank);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                for (int peer = 0; peer < _links.Length; peer++)
                    Volatile.Read(ref _links[peer])?.Pulse(heartbeat, _options.HeartbeatInterval, _options.PeerSilence);
        }
        catch (OperationCanceledException)
        {
            // Leaving.
        }
    }

    // Every receive after the first failure fails the same way, each with its own exception.
    private static Exception Again(Exception failure) => failure switch
    {
        PeerLostException lost => new PeerLostException(lost.Rank, lost.Message, lost),
        _ => new InvalidDataException(failure.Message, failure),
    };

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
