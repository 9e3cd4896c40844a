using System.Text.Json.Nodes;

namespace BigDL.Distributed.Control;

/// <summary>A worker's progress (iteration, epoch, loss, records, throughput, …), as the JSON object it sent.</summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="Progress">The object the worker sent; its members are the worker's choice.</param>
public sealed record WorkerProgress(int Rank, JsonObject Progress) : WorkerReport(Rank);
