using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Tests.Server;

/// <summary>
/// A test double of the language session: each line of a cell is a command, so a test states exactly which outputs
/// a cell produces. <c>print T</c>, <c>eprint T</c> (stdout/stderr line), <c>spam N</c> (N stdout lines 0…N-1),
/// <c>display ID T</c> (<c>-</c> = no id), <c>update ID T</c>, <c>clear</c>, <c>result T</c>, <c>fail T</c>,
/// <c>throw T</c>, <c>wait</c> (writes "waiting", then waits for the interrupt), <c>block</c> (waits for
/// <see cref="Release"/>), <c>later T</c> (writes T from another thread after <see cref="ReleaseLater"/>).
/// </summary>
internal sealed class ScriptedSession : ICodeSession
{
    private readonly SemaphoreSlim gate = new(0);
    private readonly SemaphoreSlim laterGate = new(0);

    /// <summary>Set while a <c>block</c> command waits.</summary>
    public ManualResetEventSlim Blocked { get; } = new();

    /// <summary>The cursor the last completion or inspection received.</summary>
    public int LastCursor { get; private set; } = -1;

    /// <summary>Lets a waiting <c>block</c> command go on.</summary>
    public void Release() => gate.Release();

    /// <summary>Lets a <c>later</c> command write.</summary>
    public void ReleaseLater() => laterGate.Release();

    public async Task<ExecutionOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation)
    {
        DisplayData? result = null;
        foreach (string line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] words = line.Split(' ', 2);
            string argument = words.Length > 1 ? words[1] : "";
            switch (words[0])
            {
                case "print": output.Write(OutputStream.Stdout, argument + "\n"); break;
                case "eprint": output.Write(OutputStream.Stderr, argument + "\n"); break;
                case "spam":
                    for (int i = 0; i < int.Parse(argument); i++)
                        output.Write(OutputStream.Stdout, i + "\n");
                    break;
                case "display": output.Display(Text(argument, out string? id), id); break;
                case "update": output.UpdateDisplay(Text(argument, out string? updated), updated!); break;
                case "clear": output.ClearOutput(wait: false); break;
                case "result": result = DisplayData.Text("text/plain", argument); break;
                case "fail": return new ExecutionOutcome.Failure("TestError", argument, ["first line", "second line"]);
                case "throw": throw new InvalidOperationException(argument);
                case "wait":
                    output.Write(OutputStream.Stdout, "waiting\n");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellation);
                    }
                    catch (OperationCanceledException)
                    {
                        return new ExecutionOutcome.Failure("OperationCanceledException", "The cell was interrupted.", []);
                    }
                    break;
                case "block":
                    Blocked.Set();
                    await gate.WaitAsync(cancellation);
                    Blocked.Reset();
                    break;
                case "later":
                    _ = Task.Run(async () =>
                    {
                        await laterGate.WaitAsync();
                        output.Write(OutputStream.Stdout, argument);
                    });
                    break;
                default: throw new ArgumentException($"ScriptedSession: unknown command '{words[0]}'.", nameof(code));
            }
        }
        return new ExecutionOutcome.Success(result);
    }

    public Task<CompletionResult> CompleteAsync(string code, int cursor, CancellationToken cancellation)
    {
        LastCursor = cursor;
        return Task.FromResult(new CompletionResult(["Console", "Convert"], Math.Max(0, cursor - 1), cursor));
    }

    public Task<InspectionResult> InspectAsync(string code, int cursor, int detailLevel, CancellationToken cancellation)
    {
        LastCursor = cursor;
        DisplayData? data = code.Contains("known") ? DisplayData.Text("text/plain", $"docs level {detailLevel}") : null;
        return Task.FromResult(new InspectionResult(data));
    }

    public Completeness IsComplete(string code) =>
        code.Contains("}}") ? Completeness.Invalid
        : code.Contains('?') ? Completeness.Unknown
        : code.TrimEnd().EndsWith('{') || code.TrimEnd().EndsWith('(') ? Completeness.Incomplete
        : Completeness.Complete;

    private static DisplayData Text(string argument, out string? id)
    {
        string[] parts = argument.Split(' ', 2);
        id = parts[0] == "-" ? null : parts[0];
        return DisplayData.Text("text/plain", parts.Length > 1 ? parts[1] : "");
    }
}
