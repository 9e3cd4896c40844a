using BigDL.Interactive.Training;
using BigDL.Optim;

namespace BigDL.Interactive.Tests.Training;

/// <summary>The live view's throttling and robustness, on synthetic events and a test clock (no real time involved).</summary>
public sealed class LiveTrainingViewTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private sealed class Screen
    {
        public int Displays { get; private set; }

        public List<TrainingReport> Shown { get; } = [];

        public bool Fail { get; set; }

        public Action<object> Display(object value)
        {
            if (Fail) throw new IOException("kernel went away");
            Displays++;
            Shown.Add((TrainingReport)value);
            return update =>
            {
                if (Fail) throw new IOException("kernel went away");
                Shown.Add((TrainingReport)update);
            };
        }
    }

    private static IterationCompleted Iteration(int epoch, int iteration, long recordsInEpoch, double loss = 0.5)
        => new(epoch, iteration, loss, 10, recordsInEpoch, 1000, 1000, 0.1, TimeSpan.FromMilliseconds(iteration));

    [Fact]
    public void Iterations_UpdateAtMostOncePerInterval_ForcedEventsAlways()
    {
        var now = TimeSpan.Zero;
        var screen = new Screen();
        var view = new LiveTrainingView(screen.Display, () => now, Interval);
        view.OnNext(new TrainingStarted(1, 0, 0, 1000, 100, 10, null));
        int forced = 0;
        for (int i = 1; i <= 1000; i++)
        {
            now = TimeSpan.FromMilliseconds(i);
            int epoch = (i - 1) / 100 + 1;
            view.OnNext(Iteration(epoch, i, (i - 1) % 100 * 10 + 10));
            if (i % 100 == 0)
            {
                view.OnNext(new EpochCompleted(epoch, i, TimeSpan.FromMilliseconds(100), 1000));
                forced++;
            }
        }
        view.OnNext(new TrainingCompleted(11, 1000, TimeSpan.FromSeconds(1), 10000, false));
        forced++;
        Assert.Equal(1, screen.Displays);
        int updates = screen.Shown.Count - 1;
        // 1 s of iterations at 250 ms allows 4 iteration-driven updates on top of the forced ones.
        Assert.InRange(updates, forced, forced + 4);
        Assert.Equal(1, screen.Shown[^1].Fraction);
    }

    [Fact]
    public void FirstEvent_Displays_EvenAnIterationBeforeAnyInterval()
    {
        var screen = new Screen();
        var view = new LiveTrainingView(screen.Display, () => TimeSpan.Zero, Interval);
        view.OnNext(new TrainingStarted(1, 0, 0, 1000, 100, null, 50));
        view.OnNext(Iteration(1, 1, 10));
        view.OnNext(Iteration(1, 2, 20));
        Assert.Single(screen.Shown);
        view.OnNext(new CheckpointSaved(1, 2, "/tmp/checkpoint.bigdl"));
        Assert.Equal(2, screen.Shown.Count);
        Assert.Equal("/tmp/checkpoint.bigdl", screen.Shown[^1].Checkpoint);
        Assert.Equal(2, screen.Shown[^1].Iteration);
    }

    [Fact]
    public void DisplayFailure_NeverReachesTraining_AndTheViewGoesQuiet()
    {
        var screen = new Screen();
        var view = new LiveTrainingView(screen.Display, () => TimeSpan.Zero, Interval);
        view.OnNext(new TrainingStarted(1, 0, 0, 1000, 100, null, 50));
        screen.Fail = true;
        view.OnNext(new EpochCompleted(1, 100, TimeSpan.FromSeconds(1), 1000));
        screen.Fail = false;
        view.OnNext(new TrainingCompleted(2, 100, TimeSpan.FromSeconds(1), 1000, false));
        Assert.Single(screen.Shown);
    }

    [Fact]
    public void Error_BeforeAnyDisplay_ShowsNothing_AfterOne_ShowsTheFailure()
    {
        var screen = new Screen();
        var quiet = new LiveTrainingView(screen.Display, () => TimeSpan.Zero, Interval);
        quiet.OnError(new InvalidOperationException("no records"));
        Assert.Empty(screen.Shown);

        var view = new LiveTrainingView(screen.Display, () => TimeSpan.Zero, Interval);
        view.OnNext(new TrainingStarted(1, 0, 0, 1000, 100, null, 50));
        view.OnError(new InvalidOperationException("out of memory"));
        Assert.Equal(TrainingStatus.Failed, screen.Shown[^1].Status);
        Assert.Equal("InvalidOperationException: out of memory", screen.Shown[^1].Error);
    }
}
