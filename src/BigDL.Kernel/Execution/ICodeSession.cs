namespace BigDL.Kernel.Execution;

/// <summary>
/// A language session behind the kernel: keeps state across cells and answers the editing requests. The protocol layer
/// calls it from one thread at a time, except <see cref="ExecuteAsync"/>'s cancellation, which arrives on another.
/// </summary>
public interface ICodeSession
{
    /// <summary>Runs one cell. Cancelling <paramref name="cancellation"/> is the user's interrupt: the session stops the
    /// cell cooperatively and reports it as a <see cref="ExecutionOutcome.Failure"/>.</summary>
    Task<ExecutionOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation);

    /// <summary>Completions at <paramref name="cursor"/> (a code-point offset into <paramref name="code"/>).</summary>
    Task<CompletionResult> CompleteAsync(string code, int cursor, CancellationToken cancellation);

    /// <summary>Documentation of the symbol at <paramref name="cursor"/> (code points); 0 = summary, 1 = more detail.</summary>
    Task<InspectionResult> InspectAsync(string code, int cursor, int detailLevel, CancellationToken cancellation);

    /// <summary>Whether <paramref name="code"/> is ready to run.</summary>
    Completeness IsComplete(string code);
}
