namespace BigDL.Kernel.Execution;

/// <summary>Completions at a cursor: the candidates and the code-point range of the text they replace.</summary>
/// <param name="Matches">Candidate texts, best first.</param>
/// <param name="CursorStart">First code point replaced.</param>
/// <param name="CursorEnd">Code point after the last one replaced.</param>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
