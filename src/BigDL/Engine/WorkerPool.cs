using System.Runtime.ExceptionServices;

namespace BigDL;

/// <summary>
/// The Engine's compute threads: <c>cores − 1</c> dedicated background threads that, with the calling thread, share
/// out the items of one parallel loop at a time (BigDL's Engine kept fixed thread pools the same way). Fixed threads
/// keep thread-local buffers (GEMM packing) warm and allocated once. Items are taken in order, in blocks, from a shared counter;
/// the loop returns when all have run, rethrowing the first exception an item threw as it was thrown. A loop started
/// while another one runs (from a second user thread) runs inline on its caller.
/// </summary>
internal sealed class WorkerPool
{
    /// <summary>
    /// Items are taken in blocks, about this many per thread, so a loop over many small items (pooling planes) pays for
    /// the shared counter a few times per thread instead of once per item, and still balances uneven items.
    /// </summary>
    private const int BlocksPerThread = 4;

    private readonly object _gate = new();
    private readonly SemaphoreSlim[] _start;
    private readonly ManualResetEventSlim _finished = new();
    private Action<int>? _body;
    private int _count;
    private int _next;
    private int _block;
    private int _running;
    private ExceptionDispatchInfo? _error;
    private volatile bool _retired;

    /// <summary>A pool for <paramref name="cores"/> cores (the caller counts as one).</summary>
    public WorkerPool(int cores)
    {
        Cores = cores;
        _start = new SemaphoreSlim[cores - 1];
        for (int h = 0; h < _start.Length; h++)
        {
            _start[h] = new SemaphoreSlim(0);
            int helper = h;
            new Thread(() => Serve(helper)) { IsBackground = true, Name = $"BigDL compute {helper + 1}" }.Start();
        }
    }

    /// <summary>Threads that compute a loop, the caller included.</summary>
    public int Cores { get; }

    /// <summary>Whether the calling thread is running an item of a loop (nested loops then run inline).</summary>
    [field: ThreadStatic]
    public static bool OnWorker { get; private set; }

    /// <summary>Runs <paramref name="body"/>(i) for 0 ≤ i &lt; <paramref name="count"/> on the pool's threads.</summary>
    public void For(int count, Action<int> body)
    {
        if (!Monitor.TryEnter(_gate))
        {
            Inline(count, body);
            return;
        }
        try
        {
            if (_retired)
            {
                Inline(count, body);
                return;
            }
            int helpers = Math.Min(_start.Length, count - 1);
            _body = body;
            _count = count;
            _next = 0;
            _block = Math.Max(1, count / (Cores * BlocksPerThread));
            _error = null;
            _running = helpers;
            _finished.Reset();
            for (int h = 0; h < helpers; h++) _start[h].Release();
            Work();
            if (helpers > 0) _finished.Wait();
            _body = null;
            _error?.Throw();
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    /// <summary>
    /// Lets the helper threads end (after a core-number change replaced this pool), once a loop running on it is done;
    /// a loop started on it afterwards runs inline.
    /// </summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            foreach (var start in _start) start.Release();
        }
    }

    /// <summary>Runs the items on the calling thread, marked as a worker so nested loops stay inline too.</summary>
    public static void Inline(int count, Action<int> body)
    {
        bool outer = !OnWorker;
        OnWorker = true;
        try
        {
            for (int i = 0; i < count; i++) body(i);
        }
        finally
        {
            if (outer) OnWorker = false;
        }
    }

    private void Serve(int helper)
    {
        while (true)
        {
            _start[helper].Wait();
            if (_retired) return;
            Work();
            if (Interlocked.Decrement(ref _running) == 0) _finished.Set();
        }
    }

    private void Work()
    {
        OnWorker = true;
        try
        {
            int start;
            while ((start = Interlocked.Add(ref _next, _block) - _block) < _count)
            {
                int end = Math.Min(_count, start + _block);
                for (int i = start; i < end; i++)
                {
                    try
                    {
                        _body!(i);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
                    }
                }
            }
        }
        finally
        {
            OnWorker = false;
        }
    }
}
