namespace BigDL.Distributed.Control;

/// <summary>A worker's result for the job (its segment result), as the opaque bytes it sent.</summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="Result">The bytes the worker sent.</param>
public sealed record WorkerResult(int Rank, ReadOnlyMemory<byte> Result) : WorkerReport(Rank);
