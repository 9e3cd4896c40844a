using System.Threading.Channels;

namespace BigDL.Distributed.Control;

/// <summary>
/// The driver's side of one worker's control connection after its Hello was accepted: messages posted to it are written
/// in order by one writer, so callers holding the server's lock can post without waiting.
/// </summary>
internal sealed class WorkerConnection
{
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stream _stream;
    private readonly Task _writing;

    public WorkerConnection(int rank, Stream stream, CancellationToken stopping)
    {
        Rank = rank;
        _stream = stream;
        _writing = WriteLoopAsync(stopping);
    }

    public int Rank { get; }

    /// <summary>Queues a message; the task completes once it was written, or once the connection can no longer write it.</summary>
    public Task PostAsync(ControlMessageKind kind, byte[] body)
    {
        var item = new Outgoing(kind, body, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_outgoing.Writer.TryWrite(item)) item.Written.TrySetResult();
        return item.Written.Task;
    }

    /// <summary>Accepts no more messages; the task completes when those queued were written or dropped.</summary>
    public Task CompleteAsync()
    {
        _outgoing.Writer.TryComplete();
        return _writing;
    }

    private async Task WriteLoopAsync(CancellationToken stopping)
    {
        bool broken = false;
        await foreach (var item in _outgoing.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (!broken)
            {
                try
                {
                    await ControlFraming.WriteAsync(_stream, item.Kind, item.Body, stopping).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
                {
                    broken = true;
                }
            }
            item.Written.TrySetResult();
        }
    }

    private sealed record Outgoing(ControlMessageKind Kind, byte[] Body, TaskCompletionSource Written);
}
