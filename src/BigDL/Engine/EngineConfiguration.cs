namespace BigDL;

/// <summary>What <see cref="Engine.Init"/> configured: nodes, cores per node, and whether on Spark.</summary>
/// <param name="NodeNumber">Nodes (processes) training together.</param>
/// <param name="CoreNumber">Cores each node computes with.</param>
/// <param name="OnSpark">Whether the nodes are Spark executors.</param>
public sealed record EngineConfiguration(int NodeNumber, int CoreNumber, bool OnSpark)
{
    /// <summary>Cores of all nodes together.</summary>
    public int TotalCores => NodeNumber * CoreNumber;
}
