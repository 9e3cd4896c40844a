using BigDL.Optim;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class TrainingEventTextTests
{
    public static TheoryData<TrainingEvent, string> Events() => new()
    {
        {
            new IterationCompleted(1, 120, 0.43214, 128, 15_360, 60_000, 5_432.4, 0.05, TimeSpan.FromSeconds(12.34)),
            "Epoch 1 · iteration 120 · loss 0.4321 · 15,360/60,000 records · 5,432 records/s · learning rate 0.0500 · 12.3 s"
        },
        {
            new EpochCompleted(3, 1407, TimeSpan.FromSeconds(125), 60_000),
            "Epoch 3 done · iteration 1407 · 60,000 records in 2 min 05 s (480 records/s)"
        },
        {
            new ValidationCompleted(4, 1407, [("Top1Accuracy", new AccuracyResult(9876, 10000)), ("Loss", new MeanResult("Loss", 412, 10000))], TimeSpan.FromSeconds(2.1)),
            "Validation at epoch 4, iteration 1407: Top1Accuracy 0.9876 (9,876/10,000), Loss 0.0412 (10,000) · 2.1 s"
        },
        {
            new TrainingCompleted(10, 4690, TimeSpan.FromMinutes(75), 600_000, Cancelled: false),
            "Training completed at epoch 10, iteration 4690 · 600,000 records in 1 h 15 min (133 records/s)"
        },
        {
            new TrainingCompleted(2, 50, TimeSpan.Zero, 0, Cancelled: true),
            "Training cancelled at epoch 2, iteration 50 · 0 records in 0.0 s"
        },
        {
            new CheckpointSaved(2, 938, "/tmp/model.<2>.ckpt"),
            "Checkpoint at epoch 2, iteration 938: /tmp/model.<2>.ckpt"
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void PlainText_IsTheOneLineSummary(TrainingEvent e, string line)
    {
        Assert.Equal(line, Rendered.Plain(e));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Html_IsTheSameLineEscaped(TrainingEvent e, string line)
    {
        Assert.Equal([line], Rendered.Divs(Rendered.Html(e), "bigdl-event"));
    }

    [Fact]
    public void Html_PathWithMarkup_IsEscaped()
    {
        string html = Rendered.Html(new CheckpointSaved(1, 1, "<img src=x onerror=alert(1)>"));

        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void PlainText_UnknownEventKind_PrintsAsTheRecordDoes()
    {
        var e = new CustomEvent(1, 2);

        Assert.Equal(e.ToString(), Rendered.Plain(e));
    }

    private sealed record CustomEvent(int Epoch, int Iteration) : TrainingEvent(Epoch, Iteration);
}
