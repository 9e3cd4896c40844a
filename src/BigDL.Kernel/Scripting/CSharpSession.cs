using BigDL.Kernel.Execution;
using BigDL.Kernel.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// A C# session with Roslyn scripting: each cell is a submission that continues the previous one, so variables,
/// types and references persist; a cell that fails to compile leaves the state as it was, one that throws keeps what
/// it defined before the exception. Cells run on a thread of their own; an interrupt cancels
/// <see cref="NotebookGlobals.CellCancellation"/> (training observes it) and, if the cell is still blocked after a grace
/// period, interrupts its thread's waits.
/// </summary>
public sealed class CSharpSession : ICodeSession, IDisposable
{
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(3);

    private readonly CurrentCell cell = new();
    private readonly MagicCommands magics = new();
    private readonly NotebookGlobals globals;
    private readonly EditorServices editor;
    private readonly DisplayedValueBridge displayedValues;
    private readonly SessionPackages packages;
    private ScriptOptions options;
    private ScriptState<object?>? state;

    /// <summary>A fresh session. Once it runs a cell, <c>Console.Out</c>/<c>Console.Error</c> of this process go to its cells.</summary>
    /// <param name="workingDirectory">Where relative <c>#r "x.dll"</c> and <c>#load</c> paths start and the NuGet
    /// configuration is searched from (default: the current directory).</param>
    public CSharpSession(string? workingDirectory = null)
    {
        string baseDirectory = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        globals = new NotebookGlobals(cell, magics);
        packages = new SessionPackages(baseDirectory);
        options = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Get())
            .WithImports(FrameworkReferences.DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver([], baseDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.Latest);
        editor = new EditorServices(options.MetadataReferences, options.Imports);
        displayedValues = new DisplayedValueBridge(cell);
    }

    /// <inheritdoc/>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation)
    {
        cell.Begin(output, cancellation);
        CellConsoleWriter.RouteTo(cell);
        try
        {
            return await RunOnCellThread(() => Execute(code, output, cancellation), cancellation).ConfigureAwait(false);
        }
        finally
        {
            cell.End();
        }
    }

    /// <summary>A cell: its packages first (and their extension scripts, which may register magic commands), then its
    /// magic commands, then its code.</summary>
    private ExecutionOutcome Execute(string code, ICellOutput output, CancellationToken cancellation)
    {
        IReadOnlyList<MagicInvocation> invocations;
        try
        {
            var loaded = packages.Load(code, cancellation);
            if (Reference(loaded, output, cancellation) is { } failed) return failed;
            (invocations, code) = magics.Extract(loaded.Code);
        }
        catch (Exception e) when (e is PackageDirectiveException or PackageResolutionException or UnknownMagicException)
        {
            return CellFailures.Preparation(e);
        }
        foreach (var magic in invocations)
        {
            try
            {
                if (magic.Handler(magic.Arguments) is { } shown) output.Display(MimeBundles.Of(shown), null);
            }
            catch (Exception e)
            {
                return CellFailures.Exception(e);
            }
        }
        if (string.IsNullOrWhiteSpace(code)) return new ExecutionOutcome.Success(null);
        if (HelpRequest.Match(code) is { } symbol) return Help(symbol, cancellation);
        return Run(code, output, cancellation);
    }

    /// <summary>
    /// Makes newly loaded packages' assemblies referenced by every later cell, says what was installed, and runs their
    /// extension scripts: markdown cells are shown, C# cells run as cells with <c>BIGDL_KERNEL</c> defined (so one script
    /// serves .NET Interactive and this kernel). Returns the first failure, or <c>null</c>.
    /// </summary>
    private ExecutionOutcome.Failure? Reference(SessionPackages.Loaded loaded, ICellOutput output, CancellationToken cancellation)
    {
        if (loaded.Added.Count == 0) return null;
        options = options.AddReferences(loaded.References);
        editor.AddReferences(loaded.References);
        output.Display(MimeBundles.Of("Installed " + string.Join(", ", loaded.Added.Select(p => $"{p.Id} {p.Version}"))), null);
        foreach (var (package, script) in loaded.Extensions)
        {
            foreach (var skipped in script.UnsupportedCells)
                output.Write(OutputStream.Stderr, $"{package.Id}'s extension script: a #!{skipped.Kernel} cell (line {skipped.LineNumber}) is skipped; this kernel runs C# and shows markdown\n");
            foreach (var scriptCell in script.Cells)
            {
                if (scriptCell.IsMarkdown)
                {
                    output.Display(MimeBundles.Of(scriptCell.Text, ["text/markdown"]), null);
                }
                else if (scriptCell.IsCSharp && Run("#define BIGDL_KERNEL\n" + scriptCell.Text, output, cancellation) is ExecutionOutcome.Failure failure)
                {
                    return failure with { Value = $"{package.Id}'s extension script failed (its line {scriptCell.LineNumber}): {failure.Value}" };
                }
            }
        }
        return null;
    }

    /// <summary>Compiles <paramref name="code"/> as the next submission and runs it.</summary>
    private ExecutionOutcome Run(string code, ICellOutput output, CancellationToken cancellation)
    {
        var script = state is null
            ? CSharpScript.Create<object?>(code, options, typeof(NotebookGlobals))
            : state.Script.ContinueWith<object?>(code, options);
        var diagnostics = script.Compile(cancellation);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return CellFailures.Compilation(diagnostics);
        WarnAbout(diagnostics, output);

        // An interrupt before the code starts surfaces as OperationCanceledException, reported by the cell thread.
        var next = (state is null
            ? script.RunAsync(globals, _ => true, cancellation)
            : script.RunFromAsync(state, _ => true, cancellation)).GetAwaiter().GetResult();
        state = next;
        editor.Ran(code);
        if (next.Exception is { } thrown)
        {
            return thrown is OperationCanceledException or ThreadInterruptedException && cancellation.IsCancellationRequested
                ? CellFailures.Interrupted()
                : CellFailures.Exception(thrown);
        }
        if (cancellation.IsCancellationRequested) return CellFailures.Interrupted();
        return new ExecutionOutcome.Success(SubmissionResult.HasValue(script.GetCompilation()) ? MimeBundles.Of(next.ReturnValue) : null);
    }

    /// <summary><c>Math.Sqrt?</c> or <c>?Math.Sqrt</c>: the symbol's documentation, for the pager.</summary>
    private ExecutionOutcome Help(string symbol, CancellationToken cancellation)
    {
        var found = editor.InspectAsync(symbol, symbol.Length, 1, cancellation).GetAwaiter().GetResult();
        return found.Data is { } page
            ? new ExecutionOutcome.Success(null, page)
            : new ExecutionOutcome.Failure("NotFound", $"no symbol named '{symbol}' is in scope", [$"NotFound: no symbol named '{symbol}' is in scope"]);
    }

    /// <summary>Warnings go to standard error, as compilers print them; the cell still runs.</summary>
    private static void WarnAbout(IEnumerable<Diagnostic> diagnostics, ICellOutput output)
    {
        foreach (var warning in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.IsInSource))
        {
            var position = warning.Location.GetLineSpan().StartLinePosition;
            output.Write(OutputStream.Stderr, $"({position.Line + 1},{position.Character + 1}): warning {warning.Id}: {warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own (so an interrupt can reach its blocking waits) and completes
    /// when it ends. After cancellation, the cell gets <see cref="InterruptGrace"/> to stop by itself first.
    /// </summary>
    private static Task<ExecutionOutcome> RunOnCellThread(Func<ExecutionOutcome> work, CancellationToken cancellation)
    {
        var done = new TaskCompletionSource<ExecutionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(work());
            }
            catch (Exception e) when (e is ThreadInterruptedException or OperationCanceledException && cancellation.IsCancellationRequested)
            {
                done.TrySetResult(CellFailures.Interrupted());
            }
            catch (Exception e)
            {
                done.TrySetResult(CellFailures.Exception(e));
            }
        }, maxStackSize: 16 << 20)
        { IsBackground = true, Name = "cell" };
        thread.Start();
        var registration = cancellation.Register(() => _ = InterruptIfStillRunning(thread, done.Task));
        done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return done.Task;
    }

    private static async Task InterruptIfStillRunning(Thread thread, Task finished)
    {
        if (await Task.WhenAny(finished, Task.Delay(InterruptGrace)).ConfigureAwait(false) != finished) thread.Interrupt();
    }

    /// <inheritdoc/>
    public Task<CompletionResult> CompleteAsync(string code, int cursor, CancellationToken cancellation) =>
        editor.CompleteAsync(magics.Extract(code).Code, cursor, cancellation);

    /// <inheritdoc/>
    public Task<InspectionResult> InspectAsync(string code, int cursor, int detailLevel, CancellationToken cancellation) =>
        editor.InspectAsync(code, cursor, detailLevel, cancellation);

    /// <inheritdoc/>
    public Completeness IsComplete(string code)
    {
        string source = MagicLinesRemoved(code);
        if (string.IsNullOrWhiteSpace(source)) return Completeness.Complete;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return Completeness.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? Completeness.Invalid : Completeness.Complete;
    }

    /// <summary>Magic lines are not C#; unregistered ones are still lines the session will reject at run time, not syntax.</summary>
    private static string MagicLinesRemoved(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? "" : line));

    /// <inheritdoc/>
    public void Dispose()
    {
        packages.Dispose();
        displayedValues.Dispose();
        editor.Dispose();
    }
}
