namespace BigDL.Tests;

/// <summary>
/// The collection for tests that change process-wide state (<see cref="Engine.CoreNumber"/>, the BLAS provider or
/// its threads): xunit runs it alone, after the parallel collections, and each test restores what it changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSettings
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process-wide settings";
}
