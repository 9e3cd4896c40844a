using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace BigDL.Distributed.Control;

/// <summary>
/// A worker's end of the control plane: it says Hello to the driver, learns its <see cref="TaskInfo"/> and job spec,
/// joins the job's AllGather and Barrier collectives, and sends progress, logs, its result or its failure.
/// </summary>
/// <remarks>
/// One collective may be pending at a time. Every failure of the connection surfaces as a <see cref="ControlException"/>
/// whose <see cref="ControlException.ExitCode"/> is the code the worker should exit with.
/// </remarks>
public sealed class ControlClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _aborted = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _reading;
    private Pending? _pending;
    private bool _outOfStep;
    private (int ExitCode, string Message)? _stopped;
    private int _disposed;

    private ControlClient(TcpClient tcp, NetworkStream stream, TaskInfo task, byte[] jobSpec)
    {
        (_tcp, _stream, Task, JobSpec) = (tcp, stream, task, jobSpec);
        Aborted = _aborted.Token;
        _reading = ReadLoopAsync();
    }

    /// <summary>Connects to the driver at <paramref name="server"/>, says Hello with <paramref name="token"/> and reads the task and job spec.</summary>
    /// <exception cref="ControlException">The driver refused the worker (wrong token or version, job full or aborted) or closed the connection early.</exception>
    /// <exception cref="SocketException">Nothing listens at <paramref name="server"/>.</exception>
    public static async Task<ControlClient> ConnectAsync(IPEndPoint server, ReadOnlyMemory<byte> token, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var tcp = new TcpClient(server.AddressFamily) { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(server, cancellation).ConfigureAwait(false);
            var stream = tcp.GetStream();
            var hello = ControlBodies.Hello(Convert.ToHexStringLower(token.Span), Environment.ProcessId, ControlFraming.Version);
            await ControlFraming.WriteAsync(stream, ControlMessageKind.Hello, hello, cancellation).ConfigureAwait(false);
            var task = ControlBodies.ReadTaskInfo(await ReadHandshakeAsync(stream, ControlMessageKind.TaskInfo, cancellation).ConfigureAwait(false));
            var jobSpec = await ReadHandshakeAsync(stream, ControlMessageKind.JobSpec, cancellation).ConfigureAwait(false);
            return new ControlClient(tcp, stream, task, jobSpec);
        }
        catch (InvalidDataException e)
        {
            tcp.Dispose();
            throw new ControlException(WorkerExitCodes.ProtocolMismatch, $"the driver at {server} does not speak this control protocol: {e.Message}", e);
        }
        catch (IOException e) when (e is not ControlException)
        {
            tcp.Dispose();
            throw new ControlException(WorkerExitCodes.PeerLost, $"the control connection to {server} broke during the handshake: {e.Message}", e);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>This worker's place in the job.</summary>
    public TaskInfo Task { get; }

    /// <summary>This end of the control connection: its address is the one by which this host reaches the driver.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_tcp.Client.LocalEndPoint!;

    /// <summary>The job spec the driver sent, as opaque bytes.</summary>
    public ReadOnlyMemory<byte> JobSpec { get; }

    /// <summary>Cancelled when the driver sends Abort or the control connection closes (or this client is disposed); the worker must stop then.</summary>
    public CancellationToken Aborted { get; }

    /// <summary>Contributes <paramref name="mine"/> and waits for every worker's contribution, which it returns in rank order.</summary>
    /// <exception cref="ControlException">The collective failed: a worker left, the job was aborted, or the connection broke.</exception>
    /// <exception cref="InvalidOperationException">Another collective is pending, or a cancelled one left this connection out of step.</exception>
    public async Task<IReadOnlyList<byte[]>> AllGatherAsync(ReadOnlyMemory<byte> mine, CancellationToken cancellation = default)
    {
        var answer = await CollectiveAsync(ControlMessageKind.AllGather, mine, ControlMessageKind.AllGatherResult, cancellation).ConfigureAwait(false);
        try
        {
            return ControlBodies.ReadAllGatherResult(answer, Task.WorldSize);
        }
        catch (InvalidDataException e)
        {
            throw new ControlException(WorkerExitCodes.ProtocolMismatch, $"the driver's AllGatherResult is malformed: {e.Message}", e);
        }
    }

    /// <summary>Waits until every worker has entered the barrier.</summary>
    /// <exception cref="ControlException">The collective failed: a worker left, the job was aborted, or the connection broke.</exception>
    /// <exception cref="InvalidOperationException">Another collective is pending, or a cancelled one left this connection out of step.</exception>
    public Task BarrierAsync(CancellationToken cancellation = default)
        => CollectiveAsync(ControlMessageKind.Barrier, ReadOnlyMemory<byte>.Empty, ControlMessageKind.BarrierReleased, cancellation);

    /// <summary>Sends a progress object (iteration, epoch, loss, records, throughput, …) to the driver.</summary>
    /// <exception cref="ControlException">The connection broke.</exception>
    public ValueTask SendProgressAsync(JsonObject progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return SendAsync(ControlMessageKind.Progress, ControlBodies.Progress(progress), cancellation);
    }

    /// <summary>Sends a log line at <paramref name="level"/> to the driver.</summary>
    /// <exception cref="ControlException">The connection broke.</exception>
    public ValueTask SendLogAsync(string level, string text, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(text);
        return SendAsync(ControlMessageKind.Log, ControlBodies.Log(level, text), cancellation);
    }

    /// <summary>Sends this worker's result (opaque bytes) to the driver.</summary>
    /// <exception cref="ControlException">The connection broke.</exception>
    public ValueTask SendResultAsync(ReadOnlyMemory<byte> result, CancellationToken cancellation = default)
        => SendAsync(ControlMessageKind.Result, result, cancellation);

    /// <summary>Sends this worker's validation results (opaque bytes) to the driver.</summary>
    /// <exception cref="ControlException">The connection broke.</exception>
    public ValueTask SendScoresAsync(ReadOnlyMemory<byte> scores, CancellationToken cancellation = default)
        => SendAsync(ControlMessageKind.Scores, scores, cancellation);

    /// <summary>Tells the driver this worker is failing and will exit with <paramref name="exitCode"/>.</summary>
    /// <exception cref="ControlException">The connection broke.</exception>
    public ValueTask SendFailureAsync(int exitCode, string message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(ControlMessageKind.Failure, ControlBodies.ExitCodeAndMessage(exitCode, message), cancellation);
    }

    /// <summary>Closes the connection; a pending collective fails and <see cref="Aborted"/> is cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _disposing.CancelAsync().ConfigureAwait(false);
        _tcp.Dispose();
        await _reading.ConfigureAwait(false);
        _disposing.Dispose();
        _writing.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ControlClient(job {Task.JobId}, rank {Task.Rank} of {Task.WorldSize}, attempt {Task.Attempt})");

    private static async Task<byte[]> ReadHandshakeAsync(NetworkStream stream, ControlMessageKind expected, CancellationToken cancellation)
    {
        var message = await ControlFraming.ReadAsync(stream, cancellation).ConfigureAwait(false)
            ?? throw new ControlException(WorkerExitCodes.PeerLost, $"the driver closed the control connection before sending {expected}");
        if (message.Kind == ControlMessageKind.Error)
        {
            var (exitCode, reason) = ControlBodies.ReadExitCodeAndMessage(message.Body, ControlMessageKind.Error);
            throw new ControlException(exitCode, $"the driver refused this worker: {reason}");
        }
        if (message.Kind != expected)
            throw new InvalidDataException($"expected {expected} from the driver, got {ControlFraming.Describe(message.Kind)}");
        return message.Body;
    }

    private async Task<byte[]> CollectiveAsync(ControlMessageKind kind, ReadOnlyMemory<byte> body, ControlMessageKind answerKind, CancellationToken cancellation)
    {
        var pending = new Pending(answerKind);
        lock (_gate)
        {
            if (_stopped is { } stopped) throw new ControlException(stopped.ExitCode, stopped.Message);
            if (_pending is not null) throw new InvalidOperationException($"{kind} was called while {_pending.AnswerKind} is still awaited; one collective may be pending at a time");
            if (_outOfStep) throw new InvalidOperationException($"{kind} was called after a cancelled collective; the control connection is out of step with the other workers");
            _pending = pending;
        }
        try
        {
            await SendAsync(kind, body, cancellation).ConfigureAwait(false);
            return await pending.Answer.Task.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            lock (_gate)
            {
                if (_pending == pending) _outOfStep = true;
            }
            throw;
        }
        finally
        {
            lock (_gate)
            {
                if (_pending == pending) _pending = null;
            }
        }
    }

    private async ValueTask SendAsync(ControlMessageKind kind, ReadOnlyMemory<byte> body, CancellationToken cancellation)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writing.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await ControlFraming.WriteAsync(_stream, kind, body, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw new ControlException(WorkerExitCodes.PeerLost, $"rank {Task.Rank} could not send {kind}: the control connection is closed", e);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ControlFraming.ReadAsync(_stream, _disposing.Token).ConfigureAwait(false) is { } message)
            {
                if (!Handle(message)) return;
            }
            Stop(WorkerExitCodes.PeerLost, "the driver closed the control connection");
        }
        catch (InvalidDataException e)
        {
            Stop(WorkerExitCodes.ProtocolMismatch, $"the driver sent a malformed message: {e.Message}");
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Stop(WorkerExitCodes.PeerLost, Volatile.Read(ref _disposed) != 0 ? "this control client was disposed" : $"the control connection broke: {e.Message}");
        }
    }

    /// <summary>Handles one message from the driver; false when it ends the connection (Abort or a protocol violation).</summary>
    private bool Handle(ControlMessage message)
    {
        switch (message.Kind)
        {
            case ControlMessageKind.Abort:
                Stop(WorkerExitCodes.PeerLost, $"the driver aborted the job: {ControlBodies.ReadAbort(message.Body)}");
                return false;
            case ControlMessageKind.AllGatherResult or ControlMessageKind.BarrierReleased or ControlMessageKind.Error:
                Pending? pending;
                lock (_gate)
                {
                    pending = _pending;
                    if (pending is null && _outOfStep) return true;
                    _pending = null;
                }
                if (pending is null || (message.Kind != ControlMessageKind.Error && message.Kind != pending.AnswerKind))
                {
                    Stop(WorkerExitCodes.ProtocolMismatch, $"the driver sent {message.Kind} while {(pending is null ? "no collective" : pending.AnswerKind.ToString())} was awaited");
                    return false;
                }
                if (message.Kind != ControlMessageKind.Error)
                {
                    pending.Answer.TrySetResult(message.Body);
                    return true;
                }
                var (exitCode, reason) = ControlBodies.ReadExitCodeAndMessage(message.Body, ControlMessageKind.Error);
                pending.Answer.TrySetException(new ControlException(exitCode, $"the driver failed rank {Task.Rank}'s collective: {reason}"));
                return true;
            default:
                Stop(WorkerExitCodes.ProtocolMismatch, $"the driver sent {ControlFraming.Describe(message.Kind)}, which a worker does not expect after the handshake");
                return false;
        }
    }

    /// <summary>Records why this client stopped (the first reason stays), fails the pending collective and cancels <see cref="Aborted"/>.</summary>
    private void Stop(int exitCode, string message)
    {
        Pending? pending;
        lock (_gate)
        {
            _stopped ??= (exitCode, message);
            (exitCode, message) = _stopped.Value;
            pending = _pending;
            _pending = null;
        }
        pending?.Answer.TrySetException(new ControlException(exitCode, message));
        _aborted.Cancel();
    }

    private sealed class Pending(ControlMessageKind answerKind)
    {
        public ControlMessageKind AnswerKind { get; } = answerKind;

        public TaskCompletionSource<byte[]> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
