using BigDL.Kernel.Execution;
using BigDL.Kernel.Scripting;
using BigDL.Kernel.Tests.Scripting;

namespace BigDL.Kernel.Tests.Packages;

/// <summary><c>#r "nuget:…"</c> in a real session, against the packages packed for the test.</summary>
[Collection(PackageTestCollection.Name)]
public sealed class SessionPackageTests(PackageFeedFixture feed) : IDisposable
{
    private readonly CSharpSession session = new(feed.ConfigurationRoot);

    public void Dispose() => session.Dispose();

    private async Task<(ExecutionOutcome Outcome, RecordedOutput Output)> Run(string code)
    {
        var output = new RecordedOutput();
        return (await session.ExecuteAsync(code, output, default), output);
    }

    [Fact]
    public async Task APackageAndItsDependencyLoadAndTheirCodeRuns()
    {
        var (outcome, output) = await Run("#r \"nuget:Demo.A, 1.0.0\"\nDemo.A.Chain.Value()");
        var success = Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Equal("A -> B 1.0.0", success.Result!.Data["text/plain"]!.GetValue<string>());
        string installed = Assert.Single(output.Displays).Data.Data["text/plain"]!.GetValue<string>();
        Assert.Equal("Installed Demo.B 1.0.0, Demo.A 1.0.0", installed);
        // Later cells see the package too, and referencing it again installs nothing.
        var (again, againOutput) = await Run("#r \"nuget:Demo.A\"\nDemo.B.Source.Value()");
        Assert.Equal("B 1.0.0", Assert.IsType<ExecutionOutcome.Success>(again).Result!.Data["text/plain"]!.GetValue<string>());
        Assert.Empty(againOutput.Displays);
    }

    [Fact]
    public async Task TheExtensionScriptRunsWithBigDLKernelDefinedAndRegistersItsMagic()
    {
        var (outcome, output) = await Run("#r \"nuget:Demo.KernelAware\"");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var markdown = output.Displays.Select(d => d.Data.Data).Single(d => d.ContainsKey("text/markdown"));
        Assert.Equal("**Demo.KernelAware** is loaded.", markdown["text/markdown"]!.GetValue<string>());
        var (greeted, greetedOutput) = await Run("#!greet notebook");
        Assert.IsType<ExecutionOutcome.Success>(greeted);
        Assert.Equal("hello notebook", Assert.Single(greetedOutput.Displays).Data.Data["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMagicFromAPackageWorksInTheCellThatLoadsIt()
    {
        var (outcome, output) = await Run("#r \"nuget:Demo.KernelAware\"\n#!greet same cell");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Contains(output.Displays, d => d.Data.Data.TryGetValue("text/plain", out var v) && v!.GetValue<string>() == "hello same cell");
    }

    [Fact]
    public async Task NonCSharpCellsOfAnExtensionAreReportedAsSkipped()
    {
        var (outcome, output) = await Run("#r \"nuget:Demo.Extension\"\ndemoExtensionLoaded");
        Assert.Equal("True", Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/plain"]!.GetValue<string>());
        Assert.Contains("#!fsharp cell", output.Text(OutputStream.Stderr));
    }

    [Fact]
    public async Task AMissingPackageIsOneErrorNamingIt()
    {
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("#r \"nuget:Demo.Missing\"\nvar x = 1;")).Outcome);
        Assert.Equal("PackageResolutionException", failure.Name);
        Assert.Contains("Demo.Missing", failure.Value);
    }

    [Fact]
    public async Task AMalformedDirectiveNamesItsLine()
    {
        var failure = Assert.IsType<ExecutionOutcome.Failure>((await Run("var a = 1;\n#r \"nuget:\"")).Outcome);
        Assert.Equal("PackageDirectiveException", failure.Name);
        Assert.Contains("line 2", failure.Value);
    }
}
