namespace BigDL.Distributed.Control;

/// <summary>A worker's control connection closed before it sent its result: the worker died, failed or broke the protocol.</summary>
/// <param name="Rank">The worker's rank.</param>
public sealed record WorkerDisconnected(int Rank) : WorkerReport(Rank);
