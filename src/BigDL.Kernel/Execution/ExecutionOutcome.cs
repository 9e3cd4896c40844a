namespace BigDL.Kernel.Execution;

/// <summary>How a cell ended: with an optional value to show, or with an error.</summary>
public abstract record ExecutionOutcome
{
    private ExecutionOutcome()
    {
    }

    /// <summary>The cell ran; <paramref name="Result"/> is its trailing expression's value, formatted, if it had one.</summary>
    /// <param name="Result">The value to show as the cell's result (<c>execute_result</c>).</param>
    /// <param name="Page">Text for the front end's pager (the <c>page</c> payload of the reply), e.g. for <c>Math.Sqrt?</c>.</param>
    public sealed record Success(DisplayData? Result, DisplayData? Page = null) : ExecutionOutcome;

    /// <summary>
    /// The cell failed to compile or threw (or was interrupted): Jupyter's <c>error</c> content.
    /// </summary>
    /// <param name="Name">The error's name (<c>ename</c>), e.g. the exception type or "CompilationError".</param>
    /// <param name="Value">The message (<c>evalue</c>).</param>
    /// <param name="Traceback">Readable lines (diagnostics or stack frames).</param>
    public sealed record Failure(string Name, string Value, IReadOnlyList<string> Traceback) : ExecutionOutcome;
}
