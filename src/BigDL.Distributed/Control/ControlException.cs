namespace BigDL.Distributed.Control;

/// <summary>The control connection failed: the driver refused the worker or a collective, aborted the job, or the connection was lost.</summary>
public sealed class ControlException : IOException
{
    /// <summary>An exception saying <paramref name="message"/>, after which a worker should exit with <paramref name="exitCode"/>.</summary>
    public ControlException(int exitCode, string message, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    /// <summary>The exit code a worker should exit with (see <see cref="WorkerExitCodes"/>).</summary>
    public int ExitCode { get; }
}
