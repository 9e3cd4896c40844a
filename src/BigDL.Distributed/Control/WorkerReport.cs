namespace BigDL.Distributed.Control;

/// <summary>Something a worker told the driver, or that the driver saw happen to it; read them from <see cref="ControlServer.Reports"/>.</summary>
/// <param name="Rank">The worker's rank.</param>
public abstract record WorkerReport(int Rank);
