namespace BigDL.Distributed.Cluster;

/// <summary>
/// A worker process of a distributed job failed: it exited with an error, was killed, hung past its deadline, or lost
/// its peers. Says which rank, how (its exit code when it had one) and what the worker reported, with the last lines it
/// wrote to stderr.
/// </summary>
public sealed class WorkerFailedException : Exception
{
    /// <summary>A failure of worker <paramref name="rank"/>.</summary>
    public WorkerFailedException(int rank, int? exitCode, bool retryable, string message, Exception? inner = null)
        : base(message, inner)
    {
        Rank = rank;
        ExitCode = exitCode;
        Retryable = retryable;
    }

    /// <summary>The rank whose failure came first (the others usually failed because of it).</summary>
    public int Rank { get; }

    /// <summary>The worker's exit code (<see cref="Control.WorkerExitCodes"/>), or null when it was killed by a signal or has not exited.</summary>
    public int? ExitCode { get; }

    /// <summary>Whether running the segment again may succeed: false for errors in the job spec, the data or the protocol, which would fail the same way.</summary>
    public bool Retryable { get; }
}
