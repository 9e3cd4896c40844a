using System.Text.RegularExpressions;
using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class EventWriterTests
{
    [Fact]
    public void Constructor_NewDirectory_CreatesTensorFlowNamedFileStartingWithFileVersion()
    {
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "a", "b");
        double before = EventWriter.NowInSeconds();
        string path;
        using (var writer = new EventWriter(dir))
            path = writer.FilePath;
        double after = EventWriter.NowInSeconds();

        Assert.Equal(dir, Path.GetDirectoryName(path));
        string expectedName = @"^events\.out\.tfevents\.\d{10}\." + Regex.Escape(EventWriter.HostName()) + "$";
        Assert.Matches(expectedName, Path.GetFileName(path));
        long stamp = long.Parse(Path.GetFileName(path).Split('.')[3]);
        Assert.InRange(stamp, (long)before, (long)after);
        var only = Assert.Single(EventReader.ReadEvents(path));
        Assert.Equal("brain.Event:2", only.FileVersion);
        Assert.Null(only.Summary);
        Assert.InRange(only.WallTime, before, after);
    }

    [Fact]
    public void FileName_IsTensorFlowsPattern() =>
        Assert.Equal("events.out.tfevents.0000000042.node-7", EventWriter.FileName(42, "node-7"));

    [Fact]
    public void Constructor_SameSecondTwice_SecondFileGetsSuffixInsteadOfOverwriting()
    {
        using var temp = new TempDirectory();
        using var first = new EventWriter(temp.Path, 1_700_000_000);
        using var second = new EventWriter(temp.Path, 1_700_000_000);
        using var third = new EventWriter(temp.Path, 1_700_000_000);
        first.AddScalar("x", 1f, 1);

        Assert.Equal(first.FilePath + ".1", second.FilePath);
        Assert.Equal(first.FilePath + ".2", third.FilePath);
        Assert.Equal(2, EventReader.ReadEvents(first.FilePath).Count());
    }

    [Fact]
    public void AddScalar_ThenRead_GivesEventsInOrderWithTimes()
    {
        using var temp = new TempDirectory();
        using var writer = new EventWriter(temp.Path);
        double before = EventWriter.NowInSeconds();
        writer.AddScalar("Loss", 2.5f, 1);
        writer.AddScalar("Loss", 1.25f, 2);
        writer.AddScalar("Throughput", 512f, 2);
        double after = EventWriter.NowInSeconds();

        // Readable while the writer still holds the file: every call has reached the OS.
        var events = EventReader.ReadEvents(writer.FilePath).Skip(1).ToArray();
        Assert.Equal([1L, 2L, 2L], events.Select(e => e.Step));
        Assert.Equal(
            [new SummaryValue("Loss", 2.5f), new SummaryValue("Loss", 1.25f), new SummaryValue("Throughput", 512f)],
            events.Select(e => Assert.Single(e.Summary!)));
        Assert.All(events, e => Assert.InRange(e.WallTime, before, after));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterWritesThrow()
    {
        using var temp = new TempDirectory();
        var writer = new EventWriter(temp.Path);
        writer.Flush();
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.AddScalar("x", 1f, 1));
        Assert.Throws<ObjectDisposedException>(writer.Flush);
    }

    [Fact]
    public void AddScalar_FromFourThreads_WritesEveryRecordWhole()
    {
        using var temp = new TempDirectory();
        using var writer = new EventWriter(temp.Path);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int i = 0; i < 250; i++) writer.AddScalar($"thread{t}", i, t * 1000 + i);
        });

        var steps = EventReader.ReadEvents(writer.FilePath).Skip(1).Select(e => e.Step).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(t => Enumerable.Range(t * 1000, 250)).Select(i => (long)i), steps);
    }
}
