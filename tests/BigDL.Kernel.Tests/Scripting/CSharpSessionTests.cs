using BigDL.Kernel.Execution;
using BigDL.Kernel.Scripting;

namespace BigDL.Kernel.Tests.Scripting;

[Collection(SessionCollection.Name)]
public sealed class CSharpSessionTests : IDisposable
{
    private readonly CSharpSession session = new();

    public void Dispose() => session.Dispose();

    private async Task<(ExecutionOutcome Outcome, RecordedOutput Output)> Run(string code, CancellationToken cancellation = default)
    {
        var output = new RecordedOutput();
        var outcome = await session.ExecuteAsync(code, output, cancellation);
        return (outcome, output);
    }

    private static string Plain(ExecutionOutcome outcome) =>
        Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/plain"]!.GetValue<string>();

    [Fact]
    public async Task StateCarriesFromCellToCell()
    {
        Assert.IsType<ExecutionOutcome.Success>((await Run("var x = 20; int Twice(int v) => 2 * v;")).Outcome);
        Assert.Equal("42", Plain((await Run("Twice(x) + 2")).Outcome));
    }

    [Fact]
    public async Task OnlyATrailingExpressionWithoutSemicolonIsAResult()
    {
        Assert.Equal("hello", Plain((await Run("\"hel\" + \"lo\"")).Outcome));
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>((await Run("var s = \"a\" + \"b\";")).Outcome).Result);
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>((await Run("Console.Write(\"\")")).Outcome).Result);
        Assert.Equal("<null>", Plain((await Run("(string?)null")).Outcome));
    }

    [Fact]
    public async Task ObjectsShowAsHtmlAndText()
    {
        var result = Assert.IsType<ExecutionOutcome.Success>((await Run("new List<int> { 1, 2, 3 }")).Outcome).Result!;
        Assert.Contains("text/html", result.Data.Keys);
        Assert.Contains("3", result.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task CompilationErrorsNameTheLineAndKeepTheState()
    {
        await Run("var kept = 7;");
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("var a = 1;\nvar b = missing + 1;")).Outcome);
        Assert.Equal("CompilationError", failure.Name);
        Assert.Contains(failure.Traceback, line => line.StartsWith("(2,9): error CS0103", StringComparison.Ordinal) && line.Contains("missing"));
        Assert.Equal("7", Plain((await Run("kept")).Outcome));
    }

    [Fact]
    public async Task ExceptionsBecomeOneFailureAndTheSessionGoesOn()
    {
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("var before = 5;\nthrow new InvalidOperationException(\"boom\");")).Outcome);
        Assert.Equal("InvalidOperationException", failure.Name);
        Assert.Equal("boom", failure.Value);
        Assert.Equal("System.InvalidOperationException: boom", failure.Traceback[0]);
        Assert.DoesNotContain(failure.Traceback, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Equal("6", Plain((await Run("before + 1")).Outcome));
    }

    [Fact]
    public async Task ConsoleWritesGoToTheCellStreams()
    {
        var (_, output) = await Run("Console.WriteLine(\"out line\"); Console.Error.Write(\"err text\");");
        Assert.Equal("out line\n", output.Text(OutputStream.Stdout));
        Assert.Equal("err text", output.Text(OutputStream.Stderr));
    }

    [Fact]
    public async Task DisplayReturnsAHandleThatUpdatesInPlace()
    {
        var (outcome, output) = await Run("var h = display(\"first\"); h.Update(\"second\"); ClearOutput(wait: true);");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var (id, data) = Assert.Single(output.Displays);
        Assert.Equal("first", data.Data["text/plain"]!.GetValue<string>());
        var (updateId, update) = Assert.Single(output.Updates);
        Assert.Equal(id, updateId);
        Assert.Equal("second", update.Data["text/plain"]!.GetValue<string>());
        Assert.Equal(("clear", null, (object)true), output.Events[^1]);
    }

    [Fact]
    public async Task DisplayHonoursAskedMimeTypes()
    {
        var (_, output) = await Run("display(\"<b>x</b>\", \"text/html\");");
        var data = Assert.Single(output.Displays).Data;
        Assert.Equal("<b>x</b>", data.Data["text/html"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheRegistrysDisplayExtensionShowsAndUpdates()
    {
        var (outcome, output) = await Run("var shown = \"one\".Display(\"text/plain\"); shown.Update(\"two\"); shown.Update(\"three\");");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var displays = output.Displays.ToArray();
        Assert.Equal("one", displays[0].Data.Data["text/plain"]!.GetValue<string>());
        // The registry's first update names an id it never showed: it appears as a new output that later updates replace.
        Assert.Equal("two", displays[^1].Data.Data["text/plain"]!.GetValue<string>());
        var (updateId, update) = Assert.Single(output.Updates);
        Assert.Equal(displays[^1].Id, updateId);
        Assert.Equal("three", update.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task HtmlContentIsSentAsHtmlOnly()
    {
        var (_, output) = await Run("display(new Microsoft.AspNetCore.Html.HtmlString(\"<i>x</i>\"));");
        var data = Assert.Single(output.Displays).Data.Data;
        Assert.Equal(["text/html"], data.Keys);
        Assert.Equal("<i>x</i>", data["text/html"]!.GetValue<string>());
    }

    [Fact]
    public async Task MagicCommandsRegisteredByCodeRunBeforeTheCell()
    {
        await Run("RegisterMagic(\"greet\", args => \"hello \" + args);");
        var (outcome, output) = await Run("#!greet  world \nvar after = 1;");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Equal("hello world", Assert.Single(output.Displays).Data.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownMagicIsAnErrorNamingIt()
    {
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("#!nosuch --x")).Outcome);
        Assert.Contains("#!nosuch", failure.Value);
    }

    [Fact]
    public async Task KernelSelectorLinesAreIgnored()
    {
        Assert.Equal("3", Plain((await Run("#!csharp\n1 + 2")).Outcome));
    }

    [Fact]
    public async Task AnInterruptStopsACooperativeCellAndTheNextCellRuns()
    {
        using var interrupt = new CancellationTokenSource();
        var running = Run("while (!CellCancellation.IsCancellationRequested) System.Threading.Thread.Sleep(5);", interrupt.Token);
        await Task.Delay(300);
        interrupt.Cancel();
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await running).Outcome);
        Assert.Equal("Interrupted", failure.Name);
        Assert.Equal("2", Plain((await Run("1 + 1")).Outcome));
    }

    [Fact]
    public async Task AnInterruptReachesACellBlockedInAWait()
    {
        using var interrupt = new CancellationTokenSource();
        var running = Run("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", interrupt.Token);
        await Task.Delay(200);
        interrupt.Cancel();
        Assert.Equal("Interrupted", Assert.IsType<ExecutionOutcome.Failure>((await running).Outcome).Name);
    }

    [Fact]
    public async Task AssembliesReferencedByPathLoad()
    {
        string dll = TestAssemblies.Compile("PathReferenced", "public static class Greeter { public static string Hi(string n) => \"hi \" + n; }");
        Assert.Equal("hi you", Plain((await Run($"#r \"{dll}\"\nGreeter.Hi(\"you\")")).Outcome));
    }

    [Theory]
    [InlineData("var x = 1;", Completeness.Complete)]
    [InlineData("1 + 1", Completeness.Complete)]
    [InlineData("for (int i = 0; i < 3; i++) {", Completeness.Incomplete)]
    [InlineData("var s = \"open", Completeness.Incomplete)]
    [InlineData("var x = 1 +;", Completeness.Invalid)]
    [InlineData("int 3x = 0;", Completeness.Invalid)]
    [InlineData("if (true)", Completeness.Incomplete)]
    [InlineData("var s = new[] { 1, 2,", Completeness.Incomplete)]
    [InlineData("#!bigdl status", Completeness.Complete)]
    public void TellsWhetherCodeIsComplete(string code, Completeness expected) => Assert.Equal(expected, session.IsComplete(code));

    [Fact]
    public async Task CompletesMembersAndEarlierVariables()
    {
        var members = await session.CompleteAsync("Console.WriteL", 14, default);
        Assert.Contains("WriteLine", members.Matches);
        Assert.DoesNotContain("ReadLine", members.Matches);
        Assert.Equal((8, 14), (members.CursorStart, members.CursorEnd));

        await Run("var learningRate = 0.05;");
        var variables = await session.CompleteAsync("learningR", 9, default);
        Assert.Contains("learningRate", variables.Matches);
    }

    [Fact]
    public async Task CompletionCursorsCountCodePoints()
    {
        string code = "var s = \"\U0001F600\"; s.Leng";
        int cursor = 19; // the emoji is one code point, two UTF-16 units
        var result = await session.CompleteAsync(code, cursor, default);
        Assert.Contains("Length", result.Matches);
        Assert.Equal((15, 19), (result.CursorStart, result.CursorEnd));
    }

    [Theory]
    [InlineData("Math.Sqrt?")]
    [InlineData("?Math.Sqrt")]
    [InlineData("  Math.Sqrt? \n")]
    public async Task AQuestionMarkPagesTheDocumentation(string code)
    {
        var success = Assert.IsType<ExecutionOutcome.Success>((await Run(code)).Outcome);
        Assert.Null(success.Result);
        Assert.Contains("square root", success.Page!.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task HelpForAnUnknownNameSaysSo()
    {
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("NoSuchThing?")).Outcome);
        Assert.Contains("NoSuchThing", failure.Value);
    }

    [Fact]
    public async Task InspectFindsANameAtTheEndOfTheCode()
    {
        var result = await session.InspectAsync("Math.Sqrt", 9, 0, default);
        Assert.Contains("Math.Sqrt(double)", result.Data!.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task InspectShowsSignatureAndDocumentation()
    {
        var result = await session.InspectAsync("Math.Sqrt(2.0)", 9, 0, default);
        Assert.True(result.Found);
        string text = result.Data!.Data["text/plain"]!.GetValue<string>();
        Assert.Contains("Math.Sqrt(double)", text);
        Assert.Contains("square root", text);
        Assert.False((await session.InspectAsync("   ", 1, 0, default)).Found);
    }
}
