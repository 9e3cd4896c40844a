using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class SummaryTests
{
    [Fact]
    public void Constructors_FollowBigDLsLayout()
    {
        using var temp = new TempDirectory();
        using var train = new TrainSummary(temp.Path, "lenet");
        using var validation = new ValidationSummary(temp.Path, "lenet");

        Assert.Equal(Path.Combine(temp.Path, "lenet", "train"), train.Folder);
        Assert.Equal(Path.Combine(temp.Path, "lenet", "validation"), validation.Folder);
        Assert.Equal(temp.Path, train.LogDir);
        Assert.Equal("lenet", validation.AppName);
        Assert.Matches(@"^events\.out\.tfevents\.", Path.GetFileName(Assert.Single(Directory.GetFiles(train.Folder))));
        Assert.Single(Directory.GetFiles(validation.Folder));
    }

    [Fact]
    public void ReadScalar_ValuesAddedOutOfOrder_ComeBackInStepOrderAsFloats()
    {
        using var temp = new TempDirectory();
        using var summary = new TrainSummary(temp.Path, "app");
        double before = EventWriter.NowInSeconds();
        summary.AddScalar("Loss", 0.3, 3);
        summary.AddScalar("Loss", 0.1, 1);
        summary.AddScalar("LearningRate", 0.01, 1);
        summary.AddScalar("Loss", double.NaN, 2);
        double after = EventWriter.NowInSeconds();

        var loss = summary.ReadScalar("Loss");

        Assert.Equal([1L, 2L, 3L], loss.Select(s => s.Step));
        Assert.Equal(0.1f, loss[0].Value);
        Assert.True(float.IsNaN(loss[1].Value));
        Assert.Equal(0.3f, loss[2].Value);
        Assert.All(loss, s => Assert.InRange(s.WallTime, before, after));
        Assert.Equal([(1L, 0.01f)], summary.ReadScalar("LearningRate").Select(s => (s.Step, s.Value)));
    }

    [Fact]
    public void ReadScalar_TwoRunsOfTheSameApp_ReadsBothAndWorksAfterClose()
    {
        using var temp = new TempDirectory();
        var first = new ValidationSummary(temp.Path, "app");
        first.AddScalar("Top1Accuracy", 0.5, 100);
        first.Close();
        using var second = new ValidationSummary(temp.Path, "app");
        second.AddScalar("Top1Accuracy", 0.75, 200);

        Assert.Equal([(100L, 0.5f), (200L, 0.75f)], first.ReadScalar("Top1Accuracy").Select(s => (s.Step, s.Value)));
        Assert.Equal(2, second.ReadScalar("Top1Accuracy").Length);
        Assert.Equal(2, Directory.GetFiles(second.Folder).Length);
    }

    [Fact]
    public void TrainAndValidation_OfOneApp_DoNotSeeEachOther()
    {
        using var temp = new TempDirectory();
        using var train = new TrainSummary(temp.Path, "app");
        using var validation = new ValidationSummary(temp.Path, "app");
        train.AddScalar("Loss", 1, 1);
        validation.AddScalar("Loss", 2, 1);

        Assert.Equal(1f, Assert.Single(train.ReadScalar("Loss")).Value);
        Assert.Equal(2f, Assert.Single(validation.ReadScalar("Loss")).Value);
    }

    [Fact]
    public void AddScalar_AfterClose_ThrowsNamingTheSummary()
    {
        using var temp = new TempDirectory();
        var summary = new TrainSummary(temp.Path, "app");
        summary.Close();
        summary.Dispose();

        var e = Assert.Throws<ObjectDisposedException>(() => summary.AddScalar("Loss", 1, 1));
        Assert.Contains(nameof(TrainSummary), e.ObjectName);
    }

    [Fact]
    public async Task AddScalarAndReadScalar_OnSeveralThreads_LoseNothing()
    {
        using var temp = new TempDirectory();
        using var summary = new TrainSummary(temp.Path, "app");
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            int reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                summary.ReadScalar("Loss");
                reads++;
            }
        });
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int i = 0; i < 200; i++) summary.AddScalar("Loss", i, t * 200 + i);
        });
        done.Cancel();
        await reader;

        Assert.Equal(Enumerable.Range(0, 800).Select(i => (long)i), summary.ReadScalar("Loss").Select(s => s.Step));
    }

    [Fact]
    public void Arguments_Invalid_ThrowNamingTheParameter()
    {
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "file");
        File.WriteAllText(file, "");
        using var summary = new TrainSummary(temp.Path, "app");

        Assert.Equal("logDir", Assert.ThrowsAny<ArgumentException>(() => new TrainSummary("", "app")).ParamName);
        Assert.Equal("appName", Assert.ThrowsAny<ArgumentException>(() => new ValidationSummary(temp.Path, " ")).ParamName);
        var rooted = Assert.Throws<ArgumentException>(() => new TrainSummary(temp.Path, "/abs"));
        Assert.Equal("appName", rooted.ParamName);
        Assert.Contains("'/abs'", rooted.Message);
        var notDir = Assert.Throws<ArgumentException>(() => new TrainSummary(file, "app"));
        Assert.Equal("logDir", notDir.ParamName);
        Assert.Contains(file, notDir.Message);
        Assert.Equal("tag", Assert.ThrowsAny<ArgumentException>(() => summary.AddScalar("", 1, 1)).ParamName);
        Assert.Equal("tag", Assert.ThrowsAny<ArgumentException>(() => summary.ReadScalar(null!)).ParamName);
    }
}
