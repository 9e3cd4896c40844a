using BigDL.Interactive.Training;
using BigDL.Optim;

namespace BigDL.Interactive.Tests.Training;

/// <summary>What the live view computes from the events: the share done for each kind of plan, the time left, the curves.</summary>
public sealed class TrainingHistoryTests
{
    private static IterationCompleted Iteration(int epoch, int iteration, long recordsInEpoch, double loss = 1, double seconds = 1)
        => new(epoch, iteration, loss, 25, recordsInEpoch, 100, 25, 0.1, TimeSpan.FromSeconds(seconds));

    private static TrainingReport After(TrainingStarted start, params TrainingEvent[] events)
    {
        var history = new TrainingHistory();
        history.Add(start);
        foreach (var e in events) history.Add(e);
        return history.Report();
    }

    [Fact]
    public void EpochPlan_FractionFromRecords_IterationsPlannedFromBatches()
    {
        var report = After(new TrainingStarted(1, 0, 0, 100, 4, 2, null), Iteration(1, 1, 25), Iteration(1, 2, 50), Iteration(1, 3, 75));
        Assert.Equal(0.375, report.Fraction);
        Assert.Equal(8, report.PlannedIterations);
        Assert.Equal(1, report.Epoch);
    }

    [Fact]
    public void IterationPlan_FractionFromIterations()
    {
        var report = After(new TrainingStarted(1, 0, 0, 100, 4, null, 10), Iteration(1, 1, 25), Iteration(1, 2, 50));
        Assert.Equal(0.2, report.Fraction);
        Assert.Equal(10, report.PlannedIterations);
        Assert.Null(report.PlannedEpochs);
    }

    [Fact]
    public void BothPlans_TheFurtherOneCounts()
    {
        var report = After(new TrainingStarted(1, 0, 0, 100, 4, 10, 4), Iteration(1, 1, 25), Iteration(1, 2, 50));
        Assert.Equal(0.5, report.Fraction); // 2 of 4 iterations beats 0.5 of 10 epochs: training ends at iteration 4
    }

    [Fact]
    public void NoPlan_NoFractionUntilDone()
    {
        var start = new TrainingStarted(1, 0, 0, 100, 4, null, null);
        Assert.Null(After(start, Iteration(1, 1, 25)).Fraction);
        var done = After(start, Iteration(1, 1, 25), new TrainingCompleted(1, 1, TimeSpan.FromSeconds(1), 25, false));
        Assert.Equal(1, done.Fraction);
        Assert.Contains("100%", done.Summary());
    }

    [Fact]
    public void Remaining_AtThePaceOfThisRun_ResumedRunsCountOnlyTheirOwnWork()
    {
        // Resumed at 50% of a 4-epoch plan; 1 s later 62.5%: 0.125 per second, so 3 s remain.
        var report = After(new TrainingStarted(3, 8, 0, 100, 4, 4, null), Iteration(3, 9, 50, seconds: 1));
        Assert.Equal(0.625, report.Fraction);
        Assert.Equal(TimeSpan.FromSeconds(3), report.Remaining);
        Assert.Equal(16, report.PlannedIterations);
        Assert.Contains("ETA 0:03", report.Summary());
    }

    [Fact]
    public void Cancelled_KeepsTheFractionReached_AndNoTimeLeft()
    {
        var report = After(new TrainingStarted(1, 0, 0, 100, 4, null, 10), Iteration(1, 1, 25), Iteration(1, 2, 50),
            new TrainingCompleted(1, 2, TimeSpan.FromSeconds(2), 50, true));
        Assert.Equal(TrainingStatus.Cancelled, report.Status);
        Assert.Equal(0.2, report.Fraction);
        Assert.Null(report.Remaining);
        Assert.StartsWith("Training cancelled: epoch 1 · iteration 2/10 · 20% · loss 1", report.Summary());
    }

    [Fact]
    public void Validation_PlottedAtTheEpochsDone_PerMethod()
    {
        var results = new List<(string, ValidationResult)> { ("Top1Accuracy", new AccuracyResult(9, 10)), ("Loss", new MeanResult("Loss", 2.5, 1)) };
        var report = After(new TrainingStarted(1, 0, 0, 100, 4, 2, null), Iteration(1, 4, 100), new EpochCompleted(1, 4, TimeSpan.FromSeconds(1), 100),
            new ValidationCompleted(2, 4, results, TimeSpan.Zero));
        var panel = report.Panels[1];
        Assert.Equal("Validation", panel.Title);
        Assert.Equal(["Top1Accuracy", "Loss"], panel.Series.Select(s => s.Name));
        Assert.Equal((1.0, 0.9), Assert.Single(panel.Series[0].Points));
        Assert.Equal((1.0, 2.5), Assert.Single(panel.Series[1].Points));
        Assert.Contains("Top1Accuracy 0.9 · Loss 2.5", report.Summary());
    }

    [Fact]
    public void LossCurve_LongRun_StaysBounded_AndEndsAtTheLastLoss()
    {
        var history = new TrainingHistory();
        history.Add(new TrainingStarted(1, 0, 0, 100_000, null, null, 100_000));
        for (int i = 1; i <= 100_000; i++) history.Add(new IterationCompleted(1, i, 1.0 / i + (i % 97 == 0 ? 1 : 0), 1, i, 100_000, 1, 0.1, TimeSpan.FromSeconds(i)));
        var points = history.Report().Panels[0].Series[0].Points;
        Assert.InRange(points.Count, 250, 501);
        Assert.Equal((100_000.0, 1.0 / 100_000), points[^1]);
        Assert.Contains(points, p => p.Y > 1); // the periodic spikes survive downsampling
    }
}
