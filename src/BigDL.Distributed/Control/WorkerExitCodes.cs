namespace BigDL.Distributed.Control;

/// <summary>The exit codes of a worker process, which a launcher maps to a task's success or failure (docs/distributed-protocol.md).</summary>
public static class WorkerExitCodes
{
    /// <summary>The worker finished its work and delivered its result.</summary>
    public const int Ok = 0;

    /// <summary>A peer worker or the driver was lost (connection closed, timeout, abort); the attempt cannot go on but may be retried.</summary>
    public const int PeerLost = 2;

    /// <summary>The worker's input data was unreadable or did not match the job (wrong dtype, shapes, truncated stream).</summary>
    public const int DataError = 3;

    /// <summary>The two ends do not speak the same protocol: wrong version, wrong token, malformed or unexpected message.</summary>
    public const int ProtocolMismatch = 4;

    /// <summary>The job itself is wrong: an unusable job spec, or a worker the job has no place for; retrying cannot help.</summary>
    public const int JobError = 5;
}
