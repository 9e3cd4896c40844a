using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace BigDL.Distributed.Control;

/// <summary>
/// The driver's end of the control plane: a loopback server that the job's workers connect to. It checks each worker's
/// Hello, assigns ranks in the order Hellos arrive, sends each worker its <see cref="TaskInfo"/> and the job spec,
/// answers AllGather and Barrier once every worker has entered them, and reports what workers send.
/// </summary>
/// <remarks>The wire format is docs/distributed-protocol.md; a launcher written in another language implements the same bytes.</remarks>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly string _jobId;
    private readonly int _worldSize;
    private readonly int _attempt;
    private readonly byte[] _token;
    private readonly byte[] _jobSpec;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<WorkerReport> _reports = Channel.CreateUnbounded<WorkerReport>();
    private readonly WorkerConnection?[] _workers;
    private readonly int?[] _pids;
    private readonly CollectiveRound _round;
    private readonly HashSet<TcpClient> _clients = [];
    private readonly List<Task> _serving = [];
    private readonly Task _accepting;
    private int _assigned;
    private int _left;
    private string? _abortReason;
    private bool _disposed;

    private ControlServer(string jobId, int worldSize, int attempt, byte[] token, byte[] jobSpec, IPAddress address)
    {
        (_jobId, _worldSize, _attempt, _token, _jobSpec) = (jobId, worldSize, attempt, token, jobSpec);
        _workers = new WorkerConnection?[worldSize];
        _pids = new int?[worldSize];
        _round = new CollectiveRound(worldSize);
        _listener = new TcpListener(address, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Starts a server for <paramref name="worldSize"/> workers on <paramref name="address"/> (default 127.0.0.1) and a free port.</summary>
    /// <param name="jobId">The job's id, sent to every worker in its <see cref="TaskInfo"/>.</param>
    /// <param name="worldSize">The number of workers; a Hello beyond that is refused.</param>
    /// <param name="attempt">The job's attempt (0 first, one more per retry).</param>
    /// <param name="token">The secret a worker must present (hex-encoded) in its Hello.</param>
    /// <param name="jobSpec">The opaque job spec sent to every worker right after its <see cref="TaskInfo"/>.</param>
    /// <param name="address">The address to listen on: loopback when the workers run on this host, else one they reach.</param>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> or <paramref name="token"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="worldSize"/> is below 1 or <paramref name="attempt"/> negative.</exception>
    public static ControlServer Start(string jobId, int worldSize, int attempt, ReadOnlyMemory<byte> token, ReadOnlyMemory<byte> jobSpec, IPAddress? address = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        if (token.IsEmpty) throw new ArgumentException("expected a token of at least one byte, got 0 bytes", nameof(token));
        return new ControlServer(jobId, worldSize, attempt, token.ToArray(), jobSpec.ToArray(), address ?? IPAddress.Loopback);
    }

    /// <summary>Where workers connect: the address listened on and the port the system chose.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>A snapshot of each rank's process id, as its Hello stated; null for ranks not yet connected.</summary>
    public IReadOnlyList<int?> WorkerProcessIds
    {
        get { lock (_gate) return _pids.ToArray(); }
    }

    /// <summary>
    /// Every <see cref="WorkerProgress"/>, <see cref="WorkerLog"/>, <see cref="WorkerResult"/>, <see cref="WorkerScores"/>,
    /// <see cref="WorkerFailure"/> and <see cref="WorkerDisconnected"/> in the order they arrived; completes when every rank has connected and left, or on dispose.
    /// </summary>
    public ChannelReader<WorkerReport> Reports => _reports.Reader;

    /// <summary>
    /// Tells every connected worker to stop, answers pending and later collectives with an Error, and refuses workers
    /// that connect afterwards; completes once the Abort was written to every connection that still takes writes.
    /// </summary>
    public async ValueTask AbortAsync(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var writes = new List<Task>();
        lock (_gate)
        {
            _abortReason ??= reason;
            Post(_round.Break(WorkerExitCodes.PeerLost, $"job {_jobId} was aborted: {reason}"));
            var body = ControlBodies.Abort(reason);
            foreach (var worker in _workers)
                if (worker is not null) writes.Add(worker.PostAsync(ControlMessageKind.Abort, body));
        }
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    /// <summary>Stops listening, closes every connection (workers see the close and stop) and completes <see cref="Reports"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        TcpClient[] clients;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            clients = [.. _clients];
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in clients) client.Dispose();
        await _accepting.ConfigureAwait(false);
        Task[] serving;
        lock (_gate) serving = [.. _serving];
        await Task.WhenAll(serving).ConfigureAwait(false);
        _reports.Writer.TryComplete();
        _stopping.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ControlServer(job {_jobId}, attempt {_attempt}, {_worldSize} workers, {EndPoint})");

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
                client.NoDelay = true;
                lock (_gate)
                {
                    if (_disposed)
                    {
                        client.Dispose();
                        return;
                    }
                    _clients.Add(client);
                    _serving.Add(Task.Run(() => ServeAsync(client)));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped by DisposeAsync.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        WorkerConnection? worker = null;
        try
        {
            var stream = client.GetStream();
            worker = await HandshakeAsync(stream).ConfigureAwait(false);
            if (worker is not null) await ReadLoopAsync(worker, stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The worker's connection broke or the server is being disposed; Leave reports it below.
        }
        finally
        {
            if (worker is not null)
            {
                Leave(worker);
                await worker.CompleteAsync().ConfigureAwait(false);
            }
            lock (_gate) _clients.Remove(client);
            client.Dispose();
        }
    }

    private async Task<WorkerConnection?> HandshakeAsync(NetworkStream stream)
    {
        int exitCode = WorkerExitCodes.ProtocolMismatch;
        string? refusal;
        int pid = 0;
        try
        {
            if (await ControlFraming.ReadAsync(stream, _stopping.Token).ConfigureAwait(false) is not { } first) return null;
            if (first.Kind != ControlMessageKind.Hello)
            {
                refusal = $"expected Hello as the first message, got {ControlFraming.Describe(first.Kind)}";
            }
            else
            {
                (int version, string tokenHex, pid) = ControlBodies.ReadHello(first.Body);
                refusal = version != ControlFraming.Version
                    ? string.Create(CultureInfo.InvariantCulture, $"expected protocol version {ControlFraming.Version}, got {version}")
                    : TokenMatches(tokenHex) ? null : $"the token does not match job {_jobId}'s token";
            }
        }
        catch (InvalidDataException e)
        {
            refusal = e.Message;
        }
        lock (_gate)
        {
            if (refusal is null && _abortReason is not null)
                (exitCode, refusal) = (WorkerExitCodes.PeerLost, $"job {_jobId} was aborted: {_abortReason}");
            else if (refusal is null && _assigned == _worldSize)
                (exitCode, refusal) = (WorkerExitCodes.JobError, string.Create(CultureInfo.InvariantCulture, $"job {_jobId} already has its {_worldSize} workers"));
            if (refusal is null)
            {
                int rank = _assigned++;
                var worker = new WorkerConnection(rank, stream, _stopping.Token);
                _workers[rank] = worker;
                _pids[rank] = pid;
                _ = worker.PostAsync(ControlMessageKind.TaskInfo, ControlBodies.TaskInfo(new TaskInfo(_jobId, rank, _worldSize, _attempt)));
                _ = worker.PostAsync(ControlMessageKind.JobSpec, _jobSpec);
                return worker;
            }
        }
        await ControlFraming.WriteAsync(stream, ControlMessageKind.Error, ControlBodies.ExitCodeAndMessage(exitCode, refusal), _stopping.Token).ConfigureAwait(false);
        return null;
    }

    private async Task ReadLoopAsync(WorkerConnection worker, NetworkStream stream)
    {
        while (true)
        {
            string? violation;
            try
            {
                if (await ControlFraming.ReadAsync(stream, _stopping.Token).ConfigureAwait(false) is not { } message) return;
                violation = Dispatch(worker, message);
            }
            catch (InvalidDataException e)
            {
                violation = e.Message;
            }
            if (violation is null) continue;
            await worker.PostAsync(ControlMessageKind.Error, ControlBodies.ExitCodeAndMessage(WorkerExitCodes.ProtocolMismatch, violation)).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>Handles one message of an accepted worker; gives the protocol violation that ends its connection, if any.</summary>
    private string? Dispatch(WorkerConnection worker, ControlMessage message)
    {
        int rank = worker.Rank;
        switch (message.Kind)
        {
            case ControlMessageKind.AllGather or ControlMessageKind.Barrier:
                lock (_gate) Post(_round.Enter(rank, message.Kind, message.Body));
                return null;
            case ControlMessageKind.Progress:
                _reports.Writer.TryWrite(new WorkerProgress(rank, ControlBodies.ReadProgress(message.Body)));
                return null;
            case ControlMessageKind.Log:
                var (level, text) = ControlBodies.ReadLog(message.Body);
                _reports.Writer.TryWrite(new WorkerLog(rank, level, text));
                return null;
            case ControlMessageKind.Result:
                _reports.Writer.TryWrite(new WorkerResult(rank, message.Body));
                return null;
            case ControlMessageKind.Scores:
                _reports.Writer.TryWrite(new WorkerScores(rank, message.Body));
                return null;
            case ControlMessageKind.Failure:
                var (exitCode, why) = ControlBodies.ReadExitCodeAndMessage(message.Body, ControlMessageKind.Failure);
                _reports.Writer.TryWrite(new WorkerFailure(rank, exitCode, why));
                return null;
            case ControlMessageKind.Hello:
                return string.Create(CultureInfo.InvariantCulture, $"rank {rank} sent a second Hello; a connection says Hello once");
            default:
                return string.Create(CultureInfo.InvariantCulture, $"rank {rank} sent {ControlFraming.Describe(message.Kind)}, which only the driver sends or no version knows");
        }
    }

    private void Leave(WorkerConnection worker)
    {
        lock (_gate)
        {
            _workers[worker.Rank] = null;
            _reports.Writer.TryWrite(new WorkerDisconnected(worker.Rank));
            Post(_round.Break(WorkerExitCodes.PeerLost, string.Create(CultureInfo.InvariantCulture, $"rank {worker.Rank} left job {_jobId}")));
            if (++_left == _worldSize) _reports.Writer.TryComplete();
        }
    }

    /// <summary>Queues answers to their ranks' connections; called under the lock.</summary>
    private void Post(IReadOnlyList<CollectiveRound.Answer> answers)
    {
        foreach (var answer in answers)
            _ = _workers[answer.Rank]?.PostAsync(answer.Kind, answer.Body);
    }

    private bool TokenMatches(string tokenHex)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(tokenHex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }
}
