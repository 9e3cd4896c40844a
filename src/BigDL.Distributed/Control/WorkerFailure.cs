namespace BigDL.Distributed.Control;

/// <summary>A worker said it is failing and about to exit with <paramref name="ExitCode"/>.</summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="ExitCode">The exit code the worker will exit with (see <see cref="WorkerExitCodes"/>).</param>
/// <param name="Message">What went wrong, in the worker's words.</param>
public sealed record WorkerFailure(int Rank, int ExitCode, string Message) : WorkerReport(Rank);
