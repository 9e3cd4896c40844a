namespace BigDL.Distributed.Control;

/// <summary>A worker's validation results on one validation stream, as the opaque bytes it sent.</summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="Scores">The bytes the worker sent.</param>
public sealed record WorkerScores(int Rank, ReadOnlyMemory<byte> Scores) : WorkerReport(Rank);
