namespace BigDL.Interactive.Tests.Training;

/// <summary>
/// The collection for tests that change process-wide notebook state (the attached host, the training hooks, the
/// Formatter's registrations): xunit runs it alone, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookState
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Notebook state";
}
