namespace BigDL.Distributed.Control;

/// <summary>What the driver tells a worker about its place in the job, in answer to the worker's Hello.</summary>
/// <param name="JobId">The job (segment) the worker belongs to.</param>
/// <param name="Rank">The worker's rank, in [0, <paramref name="WorldSize"/>); the driver assigns ranks in the order workers say Hello.</param>
/// <param name="WorldSize">The number of workers of the job.</param>
/// <param name="Attempt">The attempt of the job (0 for the first run, then one more for each retry); peers refuse each other across attempts.</param>
public sealed record TaskInfo(string JobId, int Rank, int WorldSize, int Attempt);
