using System.Diagnostics;
using BigDL.Optim;

namespace BigDL.Benchmarks.Distributed;

/// <summary>What one training run measured.</summary>
/// <param name="ImagesPerSecond">Images of the timed iterations over the time between the end of the last warm-up iteration and the end of the last one.</param>
/// <param name="SecondsToFirstIteration">From calling <c>Optimize()</c> to the end of the first iteration (worker start-up included where there are workers).</param>
/// <param name="SecondsPerIteration">The timed window over its iterations.</param>
/// <param name="LoopbackBytes">Bytes transmitted on <c>lo</c> during the timed window (every program's), or null without the counters.</param>
/// <param name="Iterations">Iterations in the timed window.</param>
internal sealed record RunResult(double ImagesPerSecond, double SecondsToFirstIteration, double SecondsPerIteration, long? LoopbackBytes, int Iterations);

/// <summary>
/// Times a training run from its <see cref="IterationCompleted"/> events, on the training thread: the window opens
/// when warm-up iteration <c>warmup</c> completes and closes when iteration <c>warmup + iterations</c> does; the
/// loopback counter is read at both ends.
/// </summary>
internal sealed class TrainingProbe
{
    private readonly int _warmup;
    private readonly int _last;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _completed;
    private long? _first;
    private long? _windowStart;
    private long? _windowEnd;
    private long _images;
    private long? _loopbackStart;
    private long? _loopbackEnd;

    private TrainingProbe(int warmup, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        _warmup = warmup;
        _last = warmup + iterations;
    }

    /// <summary>Trains <paramref name="optimizer"/> to the end of the window and returns what it measured.</summary>
    /// <exception cref="InvalidOperationException">Training ended before the window closed.</exception>
    public static RunResult Run(Optimizer<float> optimizer, int warmup, int iterations)
    {
        optimizer.SetEndWhen(Trigger.MaxIteration(warmup + iterations));
        var probe = new TrainingProbe(warmup, iterations);
        using (optimizer.Subscribe(probe.OnEvent)) optimizer.Optimize();
        if (probe._first is not { } first || probe._windowStart is not { } start || probe._windowEnd is not { } end)
            throw new InvalidOperationException($"training ended before iteration {probe._last}, the end of the timed window");
        double window = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        return new RunResult(probe._images / window, Stopwatch.GetElapsedTime(probe._started, first).TotalSeconds, window / iterations,
            probe._loopbackEnd - probe._loopbackStart, iterations);
    }

    private void OnEvent(TrainingEvent e)
    {
        if (e is not IterationCompleted completed) return;
        long now = Stopwatch.GetTimestamp();
        int done = ++_completed;
        _first ??= now;
        if (done == _warmup)
        {
            _windowStart = now;
            _loopbackStart = LoopbackCounter.Available ? LoopbackCounter.TransmittedBytes() : null;
        }
        else if (done > _warmup && done <= _last)
        {
            _images += completed.Records;
            if (done == _last)
            {
                _windowEnd = now;
                _loopbackEnd = LoopbackCounter.Available ? LoopbackCounter.TransmittedBytes() : null;
            }
        }
    }
}
