namespace BigDL.Distributed.Transport.Tcp;

/// <summary>Who a rank is in which attempt of which job, and the secret that proves it belongs to the job.</summary>
/// <param name="JobId">The job's identifier, the same on every rank (1 to 256 bytes of UTF-8).</param>
/// <param name="Generation">The attempt of the job (0 for the first); a peer of another generation is refused.</param>
/// <param name="Rank">This rank, in [0, <paramref name="WorldSize"/>).</param>
/// <param name="WorldSize">The number of ranks of the job.</param>
/// <param name="Token">The job's secret, shared by the driver and every worker; peers prove they hold it without sending it.</param>
public sealed record MeshIdentity(string JobId, int Generation, int Rank, int WorldSize, ReadOnlyMemory<byte> Token);
