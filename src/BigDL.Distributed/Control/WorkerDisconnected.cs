namespace BigDL.Distributed.Control;

/// <summary>A worker's control connection closed: it exited (after its work, or failing), died, or broke the protocol.</summary>
/// <param name="Rank">The worker's rank.</param>
public sealed record WorkerDisconnected(int Rank) : WorkerReport(Rank);
