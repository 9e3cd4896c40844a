using System.Reflection;
using BigDL.Kernel.Execution;
using Microsoft.CodeAnalysis;

namespace BigDL.Kernel.Scripting;

/// <summary>Jupyter <c>error</c> contents for what can go wrong in a cell, readable rather than complete.</summary>
internal static class CellFailures
{
    /// <summary>The cell did not compile: every error diagnostic as <c>(line,column): error CS…: message</c>.</summary>
    public static ExecutionOutcome.Failure Compilation(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var lines = errors.Select(Describe).ToArray();
        return new ExecutionOutcome.Failure("CompilationError", lines.FirstOrDefault() ?? "the cell does not compile", lines);
    }

    /// <summary>The cell threw: the exception's type, message and the stack frames of the user's code and below.</summary>
    public static ExecutionOutcome.Failure Exception(Exception exception)
    {
        var e = Unwrap(exception);
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        traceback.AddRange(UserFrames(e));
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        }
        return new ExecutionOutcome.Failure(e.GetType().Name, e.Message, traceback);
    }

    /// <summary>The user interrupted the cell and it stopped.</summary>
    public static ExecutionOutcome.Failure Interrupted() =>
        new("Interrupted", "the cell was interrupted", ["Interrupted: the cell was interrupted; the session's state is kept"]);

    /// <summary>A directive, magic command or package failed before the code ran.</summary>
    public static ExecutionOutcome.Failure Preparation(Exception e) =>
        new(e.GetType().Name, e.Message, [$"{e.GetType().Name}: {e.Message}"]);

    private static string Describe(Diagnostic d)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        return d.Location.IsInSource
            ? $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static Exception Unwrap(Exception e) =>
        e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;

    /// <summary>Stack frames up to the cell's own code; the scripting machinery that called it is noise to the user.</summary>
    private static IEnumerable<string> UserFrames(Exception e)
    {
        foreach (string frame in (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string line = frame.TrimEnd('\r');
            if (line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)) yield break;
            if (line.TrimStart().StartsWith("---", StringComparison.Ordinal)) continue;
            yield return line.Contains("Submission#", StringComparison.Ordinal) ? line.Replace("Submission#", "cell #", StringComparison.Ordinal) : line;
        }
    }
}
