using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// Sets up one rank's links of the mesh: dials every lower rank (retrying while its listener refuses), accepts every
/// higher rank on the listener (each connection's handshake runs on its own, so a stranger holds up no one), and
/// attaches each authenticated link to the transport at once. Refused incoming connections are dropped and remembered
/// for the timeout's message; a refused dial ends the set-up.
/// </summary>
internal sealed class MeshAssembly
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMilliseconds(500);

    private readonly TcpMeshListener _listener;
    private readonly MeshIdentity _identity;
    private readonly IReadOnlyList<IPEndPoint> _peers;
    private readonly TcpMeshOptions _options;
    private readonly TcpRankTransport _transport;
    private readonly Lock _gate = new();
    private readonly bool[] _connected;
    private readonly string?[] _dialErrors;
    private readonly List<MeshHandshakeException> _refusals = [];
    private readonly TaskCompletionSource _acceptedAll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _toAccept;
    private ExceptionDispatchInfo? _fatal;

    public MeshAssembly(TcpMeshListener listener, MeshIdentity identity, IReadOnlyList<IPEndPoint> peers, TcpMeshOptions options)
    {
        _listener = listener;
        _identity = identity;
        _peers = peers;
        _options = options;
        _transport = new TcpRankTransport(identity, options);
        _connected = new bool[identity.WorldSize];
        _connected[identity.Rank] = true;
        _dialErrors = new string?[identity.WorldSize];
        _toAccept = identity.WorldSize - 1 - identity.Rank;
    }

    /// <summary>The transport once every link passed its handshake.</summary>
    /// <exception cref="MeshHandshakeException">A dialled peer refused this rank or was refused.</exception>
    /// <exception cref="TimeoutException">Links were missing at the deadline.</exception>
    public async Task<IRankTransport> RunAsync(CancellationToken cancellation)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        abort.CancelAfter(_options.ConnectTimeout);
        var work = new List<Task>();
        if (_toAccept > 0) work.Add(AcceptAllAsync(abort));
        for (int peer = 0; peer < _identity.Rank; peer++) work.Add(DialAsync(peer, abort));
        await Task.WhenAll(work).ConfigureAwait(false);
        if (_fatal is null && !cancellation.IsCancellationRequested && _connected.All(c => c)) return _transport;
        await _transport.DisposeAsync().ConfigureAwait(false);
        _fatal?.Throw();
        cancellation.ThrowIfCancellationRequested();
        throw new TimeoutException(MissingLinks(), _refusals.FirstOrDefault());
    }

    private async Task DialAsync(int peer, CancellationTokenSource abort)
    {
        try
        {
            var socket = await ConnectAsync(peer, abort.Token).ConfigureAwait(false);
            try
            {
                await using (var stream = new NetworkStream(socket, ownsSocket: false))
                    await MeshHandshake.DialAsync(stream, _identity, peer, Say($"rank {peer} at {_peers[peer]}"), abort.Token).ConfigureAwait(false);
                Establish(new TcpLink(socket, _identity.Rank, peer));
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Deadline, cancellation, or another link failed: RunAsync says which.
        }
        catch (Exception e)
        {
            await FailAsync(e, abort).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the set-up with <paramref name="failure"/> (unless another came first), stopping every dial and accept.</summary>
    private async Task FailAsync(Exception failure, CancellationTokenSource abort)
    {
        lock (_gate) _fatal ??= ExceptionDispatchInfo.Capture(failure);
        await abort.CancelAsync().ConfigureAwait(false);
    }

    private async Task<Socket> ConnectAsync(int peer, CancellationToken cancellation)
    {
        var retry = FirstRetry;
        while (true)
        {
            var socket = new Socket(_peers[peer].AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                TcpLink.Configure(socket);
                await socket.ConnectAsync(_peers[peer], cancellation).ConfigureAwait(false);
                lock (_gate) _dialErrors[peer] = null;
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lock (_gate) _dialErrors[peer] = e.SocketErrorCode.ToString();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await Task.Delay(retry, cancellation).ConfigureAwait(false);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task AcceptAllAsync(CancellationTokenSource abort)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
        var handshakes = new List<Task>();
        var accepting = AcceptLoopAsync(handshakes, stop.Token, abort);
        try
        {
            await _acceptedAll.Task.WaitAsync(abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // RunAsync says why the set-up ended.
        }
        await stop.CancelAsync().ConfigureAwait(false);
        await accepting.ConfigureAwait(false);
        await Task.WhenAll(handshakes).ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync(List<Task> handshakes, CancellationToken cancellation, CancellationTokenSource abort)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(cancellation).ConfigureAwait(false);
                handshakes.Add(AcceptOneAsync(socket, cancellation));
            }
        }
        catch (OperationCanceledException)
        {
            // The set-up is complete or over.
        }
        catch (Exception e)
        {
            // The listener itself failed (disposed, out of descriptors): the higher ranks cannot reach this one.
            await FailAsync(e, abort).ConfigureAwait(false);
        }
    }

    private async Task AcceptOneAsync(Socket socket, CancellationToken cancellation)
    {
        try
        {
            TcpLink.Configure(socket);
            int peer;
            await using (var stream = new NetworkStream(socket, ownsSocket: false))
                peer = await MeshHandshake.AcceptAsync(stream, _identity, RefuseRank, Say($"a connection from {socket.RemoteEndPoint}"), cancellation).ConfigureAwait(false);
            if (!Establish(new TcpLink(socket, _identity.Rank, peer)))
            {
                socket.Dispose();
                Remember(new MeshHandshakeException(MeshRefusal.Rank, Say($"rank {_identity.Rank} dropped a second authenticated connection of rank {peer}")));
            }
        }
        catch (MeshHandshakeException e)
        {
            socket.Dispose();
            Remember(e);
        }
        catch (OperationCanceledException)
        {
            // Still in its handshake when the set-up ended: a stranger, or a peer too late.
            socket.Dispose();
        }
        catch (Exception e)
        {
            // Whatever broke this connection must not break the set-up of the others.
            socket.Dispose();
            Remember(new MeshHandshakeException(MeshRefusal.Closed, Say($"rank {_identity.Rank}: an incoming connection failed before its handshake completed: {e.Message}"), inner: e));
        }
    }

    private string? RefuseRank(int rank)
    {
        int self = _identity.Rank;
        if ((uint)rank >= (uint)_identity.WorldSize) return Say($"expected a rank in [0, {_identity.WorldSize}), got rank {rank}");
        if (rank <= self) return Say($"expected a rank above {self} (higher ranks dial lower ones), got rank {rank}");
        lock (_gate)
            return _connected[rank] ? Say($"expected a rank not yet connected, got rank {rank}, which is already connected") : null;
    }

    /// <summary>Attaches <paramref name="link"/> unless its peer has a link already; the accept side counts down to complete.</summary>
    private bool Establish(TcpLink link)
    {
        bool acceptedAll;
        lock (_gate)
        {
            if (_connected[link.PeerRank]) return false;
            _connected[link.PeerRank] = true;
            acceptedAll = link.PeerRank > _identity.Rank && --_toAccept == 0;
        }
        _transport.Attach(link);
        if (acceptedAll) _acceptedAll.TrySetResult();
        return true;
    }

    private void Remember(MeshHandshakeException refusal)
    {
        lock (_gate) _refusals.Add(refusal);
    }

    private string MissingLinks()
    {
        lock (_gate)
        {
            var missing = Enumerable.Range(0, _identity.WorldSize).Where(r => !_connected[r])
                .Select(r => r < _identity.Rank
                    ? Say($"rank {r} (dialling {_peers[r]}: {_dialErrors[r] ?? "connected, handshake not finished"})")
                    : Say($"rank {r} (expected to dial {_listener.EndPoint})"));
            string refused = _refusals.Count == 0 ? "" : Say($"; refused {_refusals.Count} connection(s): {string.Join(" | ", _refusals.Take(5).Select(e => e.Message))}");
            return Say($"rank {_identity.Rank} (job '{_identity.JobId}', generation {_identity.Generation}): the mesh was not complete after {_options.ConnectTimeout.TotalSeconds:0.###} s; missing links: {string.Join(", ", missing)}{refused}");
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
