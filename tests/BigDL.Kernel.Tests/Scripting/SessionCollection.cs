namespace BigDL.Kernel.Tests.Scripting;

/// <summary>Sessions take over the process's console: tests that run cells run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SessionCollection
{
    public const string Name = "C# sessions";
}
