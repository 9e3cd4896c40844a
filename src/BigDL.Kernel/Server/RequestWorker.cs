using System.Collections.Concurrent;

namespace BigDL.Kernel.Server;

/// <summary>Serves the requests of one channel in order, on its own thread.</summary>
internal sealed class RequestWorker : IDisposable
{
    private readonly BlockingCollection<Request> queue = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread thread;
    private readonly Action<Request> handle;
    private readonly Action whenDrained;
    private readonly TextWriter log;

    /// <summary>A worker running <paramref name="handle"/> for each request, then <paramref name="whenDrained"/> each time
    /// no request is left waiting.</summary>
    public RequestWorker(string name, Action<Request> handle, Action whenDrained, TextWriter log)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        this.handle = handle ?? throw new ArgumentNullException(nameof(handle));
        this.whenDrained = whenDrained ?? throw new ArgumentNullException(nameof(whenDrained));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        thread = new Thread(Run) { Name = name, IsBackground = true };
    }

    /// <summary>How many requests wait behind the one being served.</summary>
    public int Pending => queue.Count;

    /// <summary>Starts serving.</summary>
    public void Start() => thread.Start();

    /// <summary>Queues a request (thread-safe).</summary>
    public void Post(Request request) => queue.Add(request);

    /// <summary>Stops after the request being served, dropping those waiting; false when it is still busy after
    /// <paramref name="grace"/> (the thread is a background thread and does not keep the process alive).</summary>
    public bool Stop(TimeSpan grace)
    {
        stopping.Cancel();
        return !thread.IsAlive || thread.Join(grace);
    }

    /// <summary>Releases the queue; call after <see cref="Stop"/>.</summary>
    public void Dispose()
    {
        stopping.Dispose();
        queue.Dispose();
    }

    private void Run()
    {
        try
        {
            foreach (Request request in queue.GetConsumingEnumerable(stopping.Token))
            {
                Serve(request);
                if (queue.Count == 0)
                    whenDrained();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the waiting requests are dropped with the kernel.
        }
    }

    private void Serve(Request request)
    {
        try
        {
            handle(request);
        }
        catch (Exception e)
        {
            log.WriteLine($"bigdl-kernel: {thread.Name} failed on {request.Message.MsgType}: {e}");
        }
    }
}
