using BigDL.Interactive.Magics;

namespace BigDL.Interactive.Tests.Magics;

[Collection(EngineState.Name)]
public sealed class BigDLMagicTests : IDisposable
{
    private readonly int cores = Engine.CoreNumber;

    public void Dispose() => Engine.Init(1, cores);

    [Fact]
    public void LocalSetsTheEngineCores()
    {
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("local --cores 1"));
        Assert.Equal(1, Engine.CoreNumber);
        Assert.Equal((1, 1, "local"), (status.CoreNumber, status.NodeNumber, status.Mode));
        Assert.Contains("1 core", status.Note);
    }

    [Fact]
    public void LocalWithoutCoresUsesTheMachine()
    {
        Engine.Init(1, 1);
        BigDLMagic.Run("local");
        Assert.Equal(Environment.ProcessorCount, Engine.CoreNumber);
    }

    [Fact]
    public void StatusShowsEngineAndBlas()
    {
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("status"));
        Assert.Equal(BigDL.Native.Blas.Current.Name, status.Blas);
        Assert.Equal(Engine.CoreNumber, status.CoreNumber);
        Assert.Contains($"BLAS: {status.Blas}", status.ToString());
        Assert.Contains("<th style=\"text-align:left\">BLAS</th>", status.ToHtml());
    }

    [Theory]
    [InlineData("cluster --workers 2 --cores 1", "#!bigdl cluster is not available")]
    [InlineData("spark --master spark://h:7077", "#!bigdl spark is not available")]
    public void DistributedModesSayTheyAreNotAvailableYet(string line, string message)
    {
        var e = Assert.Throws<NotSupportedException>(() => BigDLMagic.Run(line));
        Assert.StartsWith(message, e.Message);
    }

    [Theory]
    [InlineData("", "#!bigdl needs a subcommand")]
    [InlineData("launch", "unknown subcommand 'launch'")]
    [InlineData("status --verbose 1", "unknown option --verbose for 'status': it takes no options")]
    [InlineData("cluster --workers 2 --nodes 3", "unknown option --nodes for 'cluster': it takes --workers, --cores")]
    public void MistakesGetTheUsage(string line, string problem)
    {
        var e = Assert.Throws<MagicUsageException>(() => BigDLMagic.Run(line));
        Assert.Equal(problem, e.Problem);
        Assert.Contains("#!bigdl local [--cores N]", e.Message);
    }

    [Fact]
    public void StopInLocalModeSaysNothingRuns()
    {
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("stop"));
        Assert.Equal("local", status.Mode);
        Assert.Contains("No cluster is running", status.Note);
    }
}
