namespace BigDL.Interactive.Tests;

/// <summary>Tests that change the process-wide Engine (cores) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineState
{
    public const string Name = "Engine state";
}
