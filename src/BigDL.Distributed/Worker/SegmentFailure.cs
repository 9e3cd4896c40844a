namespace BigDL.Distributed.Worker;

/// <summary>A failure of a worker's segment with the exit code it ends with (<see cref="Control.WorkerExitCodes"/>) and what happened.</summary>
internal sealed class SegmentFailure(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The code the worker process exits with.</summary>
    public int ExitCode => exitCode;
}
