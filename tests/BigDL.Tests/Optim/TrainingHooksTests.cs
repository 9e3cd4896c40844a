using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>
/// The process-wide training hooks: a registered factory's observer sees a run exactly as a subscriber does, from
/// <see cref="TrainingStarted"/> to the end; unregistering stops it; the ambient token cancels like an explicit one and
/// combines with it. In <see cref="ProcessWideSettings"/> because the hooks reach every run in the process.
/// </summary>
[Collection(ProcessWideSettings.Name)]
public sealed class TrainingHooksTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bigdl-hooks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Optimizer<double> Create(int batchSize, Trigger endWhen, int records = 37)
    {
        RandomGenerator.Default.SetSeed(3);
        var model = new Sequential<double>().Add(new Linear<double>(4, 3)).Add(new LogSoftMax<double>());
        var random = new RandomGenerator(17);
        var samples = Enumerable.Range(0, records).Select(i => new Sample<double>(Tensor<double>.Randn(random, 4), (double)(i % 3))).ToArray();
        var data = DataSet.Array(samples, seed: 2).Transform(new SampleToMiniBatch<double>(batchSize));
        return Optimizer.Create(model, data, new ClassNLLCriterion<double>())
            .SetOptimMethod(new SGD<double>(learningRate: 0.1))
            .SetEndWhen(endWhen);
    }

    private static void Run(Action body) => EngineCores.With(1, body);

    [Fact]
    public void HookObserver_SeesEveryEventOfTheRunInOrder_AsASubscriberDoes()
    {
        var hooked = new RecordingObserver();
        using var registration = TrainingHooks.AddObserverFactory(() => hooked);
        var subscribed = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(10, Trigger.MaxEpoch(2));
            optimizer.SetValidation(Trigger.EveryEpoch, Create(16, Trigger.MaxEpoch(1)).DataSet, new Top1Accuracy<double>());
            optimizer.Subscribe(subscribed.Add);
            optimizer.Optimize();
        });
        Assert.Equal(subscribed, hooked.Events);
        var started = Assert.IsType<TrainingStarted>(hooked.Events[0]);
        Assert.Equal(new TrainingStarted(1, 0, 0, 37, 4, 2, null), started);
        Assert.Equal(8, hooked.Events.OfType<IterationCompleted>().Count());
        Assert.Equal(2, hooked.Events.OfType<ValidationCompleted>().Count());
        Assert.False(Assert.IsType<TrainingCompleted>(hooked.Events[^1]).Cancelled);
        Assert.Equal(1, hooked.Completions);
    }

    [Fact]
    public void Factory_EveryRunGetsAFreshObserver()
    {
        var made = new List<RecordingObserver>();
        using var registration = TrainingHooks.AddObserverFactory(() =>
        {
            var observer = new RecordingObserver();
            made.Add(observer);
            return observer;
        });
        Run(() =>
        {
            var optimizer = Create(10, Trigger.MaxIteration(3));
            optimizer.Optimize();
            optimizer.SetEndWhen(Trigger.MaxIteration(5)).Optimize();
        });
        Assert.Equal(2, made.Count);
        Assert.Equal([1, 2, 3], made[0].Events.OfType<IterationCompleted>().Select(e => e.Iteration));
        Assert.Equal([4, 5], made[1].Events.OfType<IterationCompleted>().Select(e => e.Iteration)); // the optim method's state goes on
        Assert.Equal(new TrainingStarted(1, 3, 0, 37, 4, null, 5), made[1].Events[0]); // a new run starts the epoch's data afresh
    }

    [Fact]
    public void Unregistering_StopsTheFactoryForLaterRuns()
    {
        int calls = 0;
        var registration = TrainingHooks.AddObserverFactory(() =>
        {
            calls++;
            return new RecordingObserver();
        });
        Run(() => Create(10, Trigger.MaxIteration(1)).Optimize());
        registration.Dispose();
        registration.Dispose();
        Run(() => Create(10, Trigger.MaxIteration(1)).Optimize());
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Factory_ReturningNull_TakesNoPartInTheRun()
    {
        int calls = 0;
        using var registration = TrainingHooks.AddObserverFactory(() =>
        {
            calls++;
            return null;
        });
        var events = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(10, Trigger.MaxIteration(2));
            optimizer.Subscribe(events.Add);
            optimizer.Optimize();
        });
        Assert.Equal(1, calls);
        Assert.Equal(2, events.OfType<IterationCompleted>().Count());
    }

    [Fact]
    public void AmbientCancellation_StopsTrainingAfterTheCurrentIteration_AndTheEndSaysCancelled()
    {
        using var interrupt = new CancellationTokenSource();
        using var provider = TrainingHooks.SetCancellationProvider(() => interrupt.Token);
        var events = new List<TrainingEvent>();
        Module<double>? returned = null;
        Optimizer<double>? optimizer = null;
        Run(() =>
        {
            optimizer = Create(5, Trigger.MaxEpoch(100));
            optimizer.Subscribe(e =>
            {
                events.Add(e);
                if (e is IterationCompleted { Iteration: 3 }) interrupt.Cancel();
            });
            returned = optimizer.Optimize();
        });
        Assert.Same(optimizer!.Model, returned);
        Assert.Equal(3, events.OfType<IterationCompleted>().Count());
        var end = Assert.IsType<TrainingCompleted>(events[^1]);
        Assert.True(end.Cancelled);
        Assert.Equal(3, end.Iteration);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ExplicitAndAmbientTokens_Combine_EitherOneStopsTheRun(bool cancelExplicit, bool cancelAmbient)
    {
        using var interrupt = new CancellationTokenSource();
        using var caller = new CancellationTokenSource();
        using var provider = TrainingHooks.SetCancellationProvider(() => interrupt.Token);
        var events = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(5, Trigger.MaxEpoch(100));
            optimizer.Subscribe(e =>
            {
                events.Add(e);
                if (e is not IterationCompleted { Iteration: 2 }) return;
                if (cancelExplicit) caller.Cancel();
                if (cancelAmbient) interrupt.Cancel();
            });
            optimizer.Optimize(caller.Token);
        });
        Assert.Equal(2, events.OfType<IterationCompleted>().Count());
        Assert.True(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
    }

    [Fact]
    public void CancellationProvider_Removed_NoLongerCancels()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var provider = TrainingHooks.SetCancellationProvider(() => interrupt.Token);
        provider.Dispose();
        var events = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(10, Trigger.MaxIteration(3));
            optimizer.Subscribe(events.Add);
            optimizer.Optimize();
        });
        Assert.False(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
        Assert.Equal(3, events.OfType<IterationCompleted>().Count());
    }

    [Fact]
    public void CancellationProvider_ReplacedThenOldOneDisposed_KeepsTheNewOne()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var old = TrainingHooks.SetCancellationProvider(() => CancellationToken.None);
        using var current = TrainingHooks.SetCancellationProvider(() => cancelled.Token);
        old.Dispose();
        var events = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(10, Trigger.MaxIteration(3));
            optimizer.Subscribe(events.Add);
            optimizer.Optimize();
        });
        Assert.Empty(events.OfType<IterationCompleted>());
        Assert.True(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
    }

    [Fact]
    public void HookObserver_TrainingThrows_GetsTheErrorAndIsUnsubscribed()
    {
        var hooked = new RecordingObserver();
        using var registration = TrainingHooks.AddObserverFactory(() => hooked);
        var optimizer = Create(10, Trigger.MaxIteration(3), records: 0);
        var error = Assert.Throws<InvalidOperationException>(() => Run(() => optimizer.Optimize()));
        Assert.Same(error, hooked.Error);
        Assert.Empty(hooked.Events);
    }

    [Fact]
    public void TrainingStarted_ResumedMidEpoch_SaysWhereTheRunStarts()
    {
        Run(() => Create(8, Trigger.MaxIteration(7)).SetCheckpoint(_folder, Trigger.SeveralIteration(7), overwrite: true).Optimize());
        var events = new List<TrainingEvent>();
        Run(() =>
        {
            var optimizer = Create(8, Trigger.Or(Trigger.MaxIteration(12), Trigger.MinLoss(1e-9)));
            optimizer.ResumeFrom(Path.Combine(_folder, "checkpoint.bigdl")).Subscribe(events.Add);
            optimizer.Optimize();
        });
        // 37 records in batches of 8: 5 per epoch, so after 7 iterations epoch 2 has 2 batches (16 records) done.
        Assert.Equal(new TrainingStarted(2, 7, 16, 37, 5, null, 12), events[0]);
        Assert.Equal(12, events[^1].Iteration);
    }

    private sealed class RecordingObserver : IObserver<TrainingEvent>
    {
        public List<TrainingEvent> Events { get; } = [];

        public int Completions { get; private set; }

        public Exception? Error { get; private set; }

        public void OnCompleted() => Completions++;

        public void OnError(Exception error) => Error = error;

        public void OnNext(TrainingEvent value) => Events.Add(value);
    }
}
