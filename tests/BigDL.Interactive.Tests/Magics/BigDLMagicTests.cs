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

    [Fact]
    public void SparkSaysItIsNotAvailableYetAndLeavesTheEngine()
    {
        Engine.Init(1, 1);
        var e = Assert.Throws<NotSupportedException>(() => BigDLMagic.Run("spark --master spark://h:7077"));
        Assert.StartsWith("#!bigdl spark is not available in this version: the Spark backend", e.Message);
        Assert.Equal((1, 1, false), (Engine.NodeNumber, Engine.CoreNumber, Engine.OnSpark));
    }

    [Fact]
    public void ClusterSetsTheEngineToWorkersOfCoresEach()
    {
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("cluster --workers 2 --cores 1"));
        Assert.Equal((2, 1, false), (Engine.NodeNumber, Engine.CoreNumber, Engine.OnSpark));
        Assert.Equal(("local-cluster", 2, 1), (status.Mode, status.NodeNumber, status.CoreNumber));
        Assert.StartsWith("Optimizer.Create now trains on 2 worker processes of this machine with 1 core(s) each;", status.Note);
    }

    [Fact]
    public void ClusterWithoutCoresGivesEachWorkerOneCore()
    {
        BigDLMagic.Run("cluster --workers 3");
        Assert.Equal((3, 1), (Engine.NodeNumber, Engine.CoreNumber));
    }

    [Fact]
    public void ClusterWithMoreCoresThanTheMachineSaysTheyShare()
    {
        int cores = Environment.ProcessorCount;
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run($"cluster --workers 2 --cores {cores}"));
        Assert.Equal((2, cores), (Engine.NodeNumber, Engine.CoreNumber));
        Assert.EndsWith($"The workers use {2 * cores} cores of the machine's {cores}, so they share them.", status.Note);
    }

    [Fact]
    public void ClusterOfOneWorkerIsLocalModeAndSaysSo()
    {
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("cluster --workers 1 --cores 2"));
        Assert.Equal((1, 2), (Engine.NodeNumber, Engine.CoreNumber));
        Assert.Equal("local", status.Mode);
        Assert.StartsWith("One worker is local mode: training runs in this process on 2 core(s)", status.Note);
    }

    [Fact]
    public void StatusInAClusterShowsWorkersAndCoresPerWorker()
    {
        BigDLMagic.Run("cluster --workers 2 --cores 1");
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("status"));
        Assert.Null(status.Note);
        Assert.StartsWith($"mode: local-cluster, workers: 2, cores per worker: 1 (machine: {Environment.ProcessorCount})", status.ToString());
        string html = status.ToHtml();
        Assert.Contains("<th style=\"text-align:left\">mode</th><td style=\"text-align:left\">local-cluster</td>", html);
        Assert.Contains("<th style=\"text-align:left\">workers</th><td style=\"text-align:left\">2</td>", html);
        Assert.Contains("<th style=\"text-align:left\">cores per worker</th><td style=\"text-align:left\">1 (machine:", html);
        Assert.DoesNotContain("nodes", html);
    }

    [Fact]
    public void LocalAfterAClusterTrainsInThisProcessAgain()
    {
        BigDLMagic.Run("cluster --workers 2 --cores 1");
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("local --cores 2"));
        Assert.Equal((1, 2), (Engine.NodeNumber, Engine.CoreNumber));
        Assert.StartsWith("mode: local, nodes: 1, cores per node: 2", status.ToString().Split('\n')[1]);
    }

    [Fact]
    public void StopAfterAClusterReturnsToLocalModeOnEveryCore()
    {
        BigDLMagic.Run("cluster --workers 2 --cores 1");
        var status = Assert.IsType<EngineStatus>(BigDLMagic.Run("stop"));
        Assert.Equal((1, Environment.ProcessorCount), (Engine.NodeNumber, Engine.CoreNumber));
        Assert.Equal("local", status.Mode);
        Assert.Equal($"Left the local cluster of 2 workers: training runs in this process on {Environment.ProcessorCount} core(s).", status.Note);
    }

    [Theory]
    [InlineData("cluster", "#!bigdl cluster needs --workers N (the number of worker processes)")]
    [InlineData("cluster --cores 2", "#!bigdl cluster needs --workers N (the number of worker processes)")]
    [InlineData("cluster --workers 0 --cores 1", "--workers expects a positive whole number, got '0'")]
    [InlineData("cluster --workers two", "--workers expects a positive whole number, got 'two'")]
    [InlineData("cluster --workers 2 --cores 0", "--cores expects a positive whole number, got '0'")]
    [InlineData("cluster --workers 2 --cores -1", "--cores expects a positive whole number, got '-1'")]
    public void ClusterWithABadCountGetsTheUsageAndLeavesTheEngine(string line, string problem)
    {
        Engine.Init(1, 1);
        var e = Assert.Throws<MagicUsageException>(() => BigDLMagic.Run(line));
        Assert.Equal(problem, e.Problem);
        Assert.Contains("#!bigdl cluster --workers N [--cores C]", e.Message);
        Assert.Equal((1, 1), (Engine.NodeNumber, Engine.CoreNumber));
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
