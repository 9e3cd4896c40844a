namespace BigDL.Distributed;

/// <summary>
/// One rank's copy of the drop-slow threshold (<see cref="DropSlowPolicy"/>): it keeps this rank's replica times of
/// the current window and, at the window's end, learns the threshold from every rank's times — the same numbers in
/// the same order on every rank, so all ranks agree on it without a coordinator.
/// </summary>
internal sealed class StragglerThreshold(DropSlowPolicy policy, double? thresholdSeconds = null, int iterationsSeen = 0)
{
    private readonly List<double> _windowSeconds = [];
    private long _windowDropped;

    /// <summary>The policy.</summary>
    public DropSlowPolicy Policy => policy;

    /// <summary>The threshold in force, in seconds from the start of an iteration's compute; null: none learned yet (nothing is dropped).</summary>
    public double? ThresholdSeconds { get; private set; } = thresholdSeconds;

    /// <summary>Iterations seen so far in the run (they count toward the warm-up and the windows).</summary>
    public int IterationsSeen { get; private set; } = iterationsSeen;

    /// <summary>How long this iteration's replicas are waited for.</summary>
    public TimeSpan Timeout => ThresholdSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>This rank's times of the replicas in time, in this window.</summary>
    public IReadOnlyList<double> WindowSeconds => _windowSeconds;

    /// <summary>Adds this rank's replica times of an iteration (only the replicas in time).</summary>
    public void Record(ReadOnlySpan<double> seconds)
    {
        foreach (double s in seconds) _windowSeconds.Add(s);
    }

    /// <summary>Counts the iteration whose all-reduce gave <paramref name="result"/>; returns whether a window ended with it and the threshold should be learned now.</summary>
    public bool Completed(AllReduceResult result)
    {
        _windowDropped += result.DroppedReplicas;
        IterationsSeen++;
        if (IterationsSeen % policy.WindowIterations != 0) return false;
        if (IterationsSeen > policy.WarmupIterations) return true;
        StartWindow();
        return false;
    }

    /// <summary>
    /// Learns the threshold from every rank's replica times of the window that ended, <paramref name="allSeconds"/>
    /// (as <see cref="WindowSeconds"/> in rank order): about <see cref="DropSlowPolicy.DropPercentage"/> of the
    /// window's replica runs should be late; when more were dropped than that, the threshold is raised by 1%.
    /// </summary>
    public void Learn(ReadOnlySpan<double> allSeconds)
    {
        long runs = allSeconds.Length + _windowDropped;
        long target = (long)(policy.DropPercentage * runs);
        long more = target - _windowDropped;
        if (more > 0 && more <= allSeconds.Length)
        {
            var sorted = allSeconds.ToArray();
            Array.Sort(sorted);
            ThresholdSeconds = sorted[^(int)more];
        }
        else if (ThresholdSeconds is { } seconds)
        {
            ThresholdSeconds = seconds * 1.01;
        }
        StartWindow();
    }

    private void StartWindow()
    {
        _windowSeconds.Clear();
        _windowDropped = 0;
    }
}
