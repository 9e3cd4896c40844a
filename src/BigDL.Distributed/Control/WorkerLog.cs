namespace BigDL.Distributed.Control;

/// <summary>A log line a worker sent to the driver.</summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="Level">The level the worker gave (for example "info", "warning", "error").</param>
/// <param name="Text">The line.</param>
public sealed record WorkerLog(int Rank, string Level, string Text) : WorkerReport(Rank);
