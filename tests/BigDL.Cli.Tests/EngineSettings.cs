namespace BigDL.Cli.Tests;

/// <summary>Tests that configure the process-wide Engine (cores, seeds) run alone, one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineSettings
{
    public const string Name = "Engine settings";
}
