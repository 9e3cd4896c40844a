using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace BigDL;

/// <summary>
/// One dedicated thread per lane, for work the caller must be able to stop waiting for: the caller hands each lane an
/// item, waits until a deadline, and goes on with the items done by then while late ones finish in the background.
/// A lane runs its items in the order given, so an item handed to a lane still busy with a late one starts when that
/// one ends. Items run as Engine workers (their parallel loops run inline, on the lane's own thread).
/// </summary>
/// <remarks>
/// The Engine's <see cref="WorkerPool"/> lets the caller compute one share of a loop itself, so it cannot return before
/// every share is done; BigDL's drop-slow option needs the caller free. An exception thrown by an item is rethrown by
/// the next <see cref="WaitUntil"/> or <see cref="WaitIdle"/> that sees the item done.
/// </remarks>
internal sealed class ReplicaLanes : IDisposable
{
    private readonly Lane[] _lanes;

    /// <summary><paramref name="count"/> lanes, each with its own thread.</summary>
    public ReplicaLanes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _lanes = new Lane[count];
        for (int i = 0; i < count; i++) _lanes[i] = new Lane(i);
    }

    /// <summary>Number of lanes.</summary>
    public int Count => _lanes.Length;

    /// <summary>Queues <paramref name="work"/> on lane <paramref name="lane"/>.</summary>
    public void Start(int lane, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _lanes[lane].Start(work);
    }

    /// <summary>
    /// Waits until every item handed out so far is done or <paramref name="deadline"/> (a <see cref="Stopwatch"/>
    /// timestamp) has passed; <paramref name="done"/>[i] says whether lane i's items are all done.
    /// </summary>
    public void WaitUntil(long deadline, Span<bool> done)
    {
        for (int i = 0; i < _lanes.Length; i++)
        {
            long left = deadline - Stopwatch.GetTimestamp();
            var wait = left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
            done[i] = _lanes[i].Idle.Wait(wait > TimeSpan.FromDays(1) ? Timeout.InfiniteTimeSpan : wait);
            if (done[i]) _lanes[i].RethrowFailure();
        }
    }

    /// <summary>Waits until every lane has run all its items.</summary>
    public void WaitIdle()
    {
        foreach (var lane in _lanes)
        {
            lane.Idle.Wait();
            lane.RethrowFailure();
        }
    }

    /// <summary>Lets the threads end once their items are done.</summary>
    public void Dispose()
    {
        foreach (var lane in _lanes) lane.Stop();
    }

    private sealed class Lane
    {
        private readonly Queue<Action> _queue = new();
        private readonly SemaphoreSlim _signal = new(0);
        private ExceptionDispatchInfo? _failure;
        private bool _stopped;

        public Lane(int index)
        {
            new Thread(Serve) { IsBackground = true, Name = $"BigDL replica {index}" }.Start();
        }

        /// <summary>Set while the lane has no item queued or running.</summary>
        public ManualResetEventSlim Idle { get; } = new(true);

        public void Start(Action work)
        {
            lock (_queue)
            {
                ObjectDisposedException.ThrowIf(_stopped, this);
                _queue.Enqueue(work);
                Idle.Reset();
            }
            _signal.Release();
        }

        public void RethrowFailure() => Interlocked.Exchange(ref _failure, null)?.Throw();

        public void Stop()
        {
            lock (_queue) _stopped = true;
            _signal.Release();
        }

        private void Serve()
        {
            while (true)
            {
                _signal.Wait();
                Action? work;
                lock (_queue)
                {
                    if (!_queue.TryDequeue(out work))
                    {
                        if (_stopped) return;
                        continue;
                    }
                }
                try
                {
                    WorkerPool.Inline(1, _ => work());
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                }
                lock (_queue)
                    if (_queue.Count == 0) Idle.Set();
            }
        }
    }
}
