using System.Globalization;

namespace BigDL.Distributed.Cluster;

/// <summary>
/// BigDL's failure policy (<c>bigdl.failure.retryTimes</c>, <c>bigdl.failure.retryTimeInterval</c>): a failed segment is
/// run again from the last synchronised state, unless more than <see cref="Times"/> failures happened within
/// <see cref="Window"/>. Failures that would repeat (spec, data or protocol errors) are never retried.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>A policy allowing <paramref name="times"/> retries within <paramref name="window"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative or <paramref name="window"/> is not positive.</exception>
    public RetryPolicy(int times, TimeSpan window)
    {
        if (times < 0) throw new ArgumentOutOfRangeException(nameof(times), times, string.Create(CultureInfo.InvariantCulture, $"expected retry times >= 0, got {times}"));
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, $"expected a positive window, got {window}");
        Times = times;
        Window = window;
    }

    /// <summary>BigDL's defaults: 5 retries within 120 seconds.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(120));

    /// <summary>No retry: the first failure ends training.</summary>
    public static RetryPolicy None { get; } = new(0, TimeSpan.FromSeconds(120));

    /// <summary>Retries allowed within <see cref="Window"/>.</summary>
    public int Times { get; }

    /// <summary>The window in which failures are counted.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether a retry is allowed now, given the times of the failures so far (the newest last); forgets failures older than the window.</summary>
    internal bool Allows(List<DateTime> failures, DateTime now)
    {
        failures.RemoveAll(f => now - f > Window);
        return failures.Count <= Times;
    }
}
