using System.Diagnostics;
using System.Runtime.InteropServices;
using BigDL.DataSets;
using BigDL.Distributed.Cluster;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>
/// Training on real worker processes linked by TCP: the weights equal in-process training with as many ranks (the same
/// algorithm and frames, now across processes, segments and retries), a worker killed or frozen mid-training is
/// replaced without changing the result, and no worker process outlives a test.
/// </summary>
public sealed class LocalClusterOptimizerTests
{
    private const int BatchSize = 10; // 37 records: 4 iterations per epoch, the last of 7 records

    private static OptimMethod<float> Adam() => new Adam<float>(learningRate: 0.01);

    private static OptimMethod<float> Sgd() => new SGD<float>(learningRate: 0.1, momentum: 0.9);

    private static (float[] Weights, LocalClusterOptimizer<float> Optimizer, HashSet<int> Processes) TrainOnProcesses(int workers, Func<OptimMethod<float>> method,
        int epochs, Action<LocalClusterOptimizer<float>, IterationCompleted>? onIteration = null, Action<LocalClusterOptimizer<float>>? configure = null)
    {
        var optimizer = DistributedOptimizer.LocalCluster(Training.Model<float>(), Training.Data<float>(BatchSize), new ClassNLLCriterion<float>(), workers);
        optimizer.SetOptimMethod(method()).SetEndWhen(Trigger.MaxEpoch(epochs));
        configure?.Invoke(optimizer);
        var processes = new HashSet<int>();
        optimizer.Subscribe(e =>
        {
            if (e is not IterationCompleted iteration) return;
            processes.UnionWith(optimizer.WorkerProcessIds);
            onIteration?.Invoke(optimizer, iteration);
        });
        var weights = Training.WithCores(2, () => Training.Weights(optimizer.Optimize()));
        return (weights, optimizer, processes);
    }

    private static void AssertNoneRunning(IEnumerable<int> processes)
    {
        foreach (int pid in processes)
            Assert.False(Directory.Exists($"/proc/{pid}"), $"worker process {pid} still exists after training");
        Assert.Empty(Directory.GetFiles("/dev/shm", "bigdl-*")); // the workers' shared-memory files, killed workers' too
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void Optimize_AdamOverSegments_EqualsInProcessRanks(int workers, int iterationsPerSegment)
    {
        var inProcess = Training.Distributed(workers, 1, BatchSize, Adam, Trigger.MaxEpoch(2));

        var (weights, optimizer, processes) = TrainOnProcesses(workers, Adam, 2, configure: o => o.SetIterationsPerSegment(iterationsPerSegment));

        Assert.Equal(inProcess, weights);
        Assert.Equal(9, optimizer.OptimMethod.State.Iteration);
        Assert.Equal(4, optimizer.Segments);
        Assert.Equal(workers, processes.Count); // the same workers train segment after segment
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_CheckpointsValidatesAndResumesToTheSameWeights()
    {
        string folder = Directory.CreateTempSubdirectory("bigdl-cluster-checkpoints-").FullName;
        try
        {
            var inProcess = Training.Distributed(2, 1, BatchSize, Adam, Trigger.MaxEpoch(2), configure: o => o.SetGradientClippingByL2Norm(0.5));
            var scores = new List<double>();
            var (whole, _, first) = TrainOnProcesses(2, Adam, 2, configure: o =>
            {
                o.SetCheckpoint(folder, Trigger.EveryEpoch).SetValidation(Trigger.EveryEpoch, Training.Data<float>(BatchSize), new Top1Accuracy<float>())
                    .SetGradientClippingByL2Norm(0.5);
                o.Subscribe(e =>
                {
                    if (e is ValidationCompleted v) scores.Add(v.Results[0].Result.Result.Value);
                });
            });
            string afterFirstEpoch = Path.Combine(folder, CheckpointFile.Name(4, overwrite: false));

            var (resumed, optimizer, second) = TrainOnProcesses(2, Adam, 2, configure: o => o.ResumeFrom(afterFirstEpoch).SetGradientClippingByL2Norm(0.5));

            Assert.Equal(inProcess, whole);
            Assert.Equal(whole, resumed);
            Assert.Equal(2, scores.Count);
            Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
            Assert.Equal(9, optimizer.OptimMethod.State.Iteration);
            AssertNoneRunning(first.Concat(second));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OptimizerCreate_EngineOnSeveralNodes_TrainsOnWorkerProcesses()
    {
        var inProcess = Training.Distributed(2, 1, BatchSize, Sgd, Trigger.MaxEpoch(1));
        int cores = Engine.CoreNumber;
        Engine.Init(nodeNumber: 2, coreNumber: 1);
        try
        {
            var optimizer = Optimizer.Create(Training.Model<float>(), Training.Data<float>(BatchSize), new ClassNLLCriterion<float>());
            optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(1));

            var cluster = Assert.IsType<LocalClusterOptimizer<float>>(optimizer);
            Assert.Equal((2, 1), (cluster.Workers, cluster.CoresPerWorker));
            Assert.Equal(inProcess, Training.Weights(optimizer.Optimize()));
        }
        finally
        {
            Engine.Init(1, cores);
        }
    }

    [Fact]
    public void Optimize_WorkerKilledMidTraining_RetriesAndEndsWithTheSameWeights()
    {
        var undisturbed = Training.Distributed(2, 1, BatchSize, Sgd, Trigger.MaxEpoch(2));
        bool killed = false;

        var (weights, optimizer, processes) = TrainOnProcesses(2, Sgd, 2, (o, e) =>
        {
            if (e.Iteration != 6 || killed) return;
            killed = true;
            Process.GetProcessById(o.WorkerProcessIds[1]).Kill();
        });

        Assert.True(killed);
        Assert.Equal(1, optimizer.Retries);
        Assert.Equal(undisturbed, weights);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_FrozenWorker_IsDetectedByTheIterationDeadlineAndReplaced()
    {
        var undisturbed = Training.Distributed(2, 1, BatchSize, Sgd, Trigger.MaxEpoch(1));
        bool frozen = false;

        var (weights, optimizer, processes) = TrainOnProcesses(2, Sgd, 1, (o, e) =>
        {
            if (e.Iteration != 2 || frozen) return;
            frozen = true;
            Assert.Equal(0, Signal(o.WorkerProcessIds[0], SigStop));
        }, o => o.SetIterationDeadline(TimeSpan.FromSeconds(5))); // short, yet far above a loaded machine's iteration and heartbeat gaps

        Assert.True(frozen);
        Assert.Equal(1, optimizer.Retries);
        Assert.Equal(undisturbed, weights);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_FrozenWorkerWithAFullPipe_IsNamedAndReplaced()
    {
        // Records of 20,000 features: a share of 5 records (400 kB) does not fit a pipe's buffer, so the driver's write
        // to a frozen worker blocks instead of returning.
        static Module<float> Wide()
        {
            RandomGenerator.Default.SetSeed(8);
            return new Sequential<float>().Add(new Linear<float>(20_000, 3)).Add(new LogSoftMax<float>());
        }
        static DataSet<MiniBatch<float>> WideData()
        {
            var random = new RandomGenerator(17);
            return DataSet.Array(Enumerable.Range(0, 30).Select(i => new Sample<float>(Tensors.Tensor<float>.Randn(random, 20_000), i % 3)).ToArray(), seed: 2)
                .Transform(new SampleToMiniBatch<float>(BatchSize));
        }
        var undisturbed = Training.WithCores(2, () => Training.Weights(DistributedOptimizer.InProcess(Wide(), WideData(), new ClassNLLCriterion<float>(), ranks: 2)
            .SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(1)).Optimize()));
        var optimizer = DistributedOptimizer.LocalCluster(Wide(), WideData(), new ClassNLLCriterion<float>(), workers: 2).SetIterationDeadline(TimeSpan.FromSeconds(3));
        optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(1));
        var processes = new HashSet<int>();
        bool frozen = false;
        optimizer.Subscribe(e =>
        {
            processes.UnionWith(optimizer.WorkerProcessIds);
            if (e is not IterationCompleted { Iteration: 1 } || frozen) return;
            frozen = true;
            Assert.Equal(0, Signal(optimizer.WorkerProcessIds[1], SigStop));
        });

        var weights = Training.WithCores(2, () => Training.Weights(optimizer.Optimize()));

        Assert.True(frozen);
        Assert.Equal(1, optimizer.Retries);
        Assert.Equal(undisturbed, weights);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_FailuresBeyondTheRetryPolicy_FailWithTheWorkersStory()
    {
        var processes = new HashSet<int>();

        var error = Assert.Throws<WorkerFailedException>(() => TrainOnProcesses(2, Sgd, 1, (o, e) =>
        {
            processes.UnionWith(o.WorkerProcessIds);
            Process.GetProcessById(o.WorkerProcessIds[1]).Kill();
        }, o => o.SetRetryPolicy(RetryPolicy.None)));

        Assert.Equal(1, error.Rank);
        Assert.False(error.Retryable);
        Assert.Contains("retry policy", error.Message);
        Assert.Contains("rank 1", error.Message);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_BatchesOfAnotherShape_StartANewSegmentAndTrainTheSame()
    {
        // The same records; every other batch carries its labels as a column ([n, 1]) instead of a vector ([n]).
        static DataSet<MiniBatch<float>> Data() => new ShapeAlternating(Training.Data<float>(BatchSize));
        var inProcess = Training.Distributed(2, 1, BatchSize, Sgd, Trigger.MaxEpoch(1));
        var optimizer = DistributedOptimizer.LocalCluster(Training.Model<float>(), Data(), new ClassNLLCriterion<float>(), workers: 2);
        optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(1));
        var processes = new HashSet<int>();
        optimizer.Subscribe(e => processes.UnionWith(optimizer.WorkerProcessIds));

        var weights = Training.WithCores(2, () => Training.Weights(optimizer.Optimize()));

        Assert.Equal(inProcess, weights);
        Assert.Equal(4, optimizer.Segments); // a segment per batch: 4 batches, shapes alternating
        Assert.Equal(2, processes.Count);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_DropSlowOn_LearnsItsThresholdOverSegments()
    {
        // Segments of 2 iterations and a warm-up of 3: only a count carried from segment to segment passes the warm-up.
        var (weights, optimizer, processes) = TrainOnProcesses(2, Sgd, 2, configure: o => o.SetIterationsPerSegment(2)
            .SetDropModuleProperty(0.3, 0.9, batchSize: 2, warmupIteration: 3));

        var stats = optimizer.DropStatistics;
        Assert.Equal(8, stats.Iterations);
        Assert.True(stats.ThresholdSeconds > 0, $"expected a threshold learned at iteration 4, got {stats.ThresholdSeconds}");
        Assert.True(stats.DroppedRecords >= stats.DroppedReplicas, $"{stats.DroppedReplicas} dropped replicas held {stats.DroppedRecords} records");
        Assert.Equal(9, optimizer.OptimMethod.State.Iteration);
        Assert.All(weights, w => Assert.True(float.IsFinite(w)));
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_WithValidation_TheWorkersScoreTheirShares_AsScoringTheTrainedModel()
    {
        // With batch normalisation the workers' scores match only if they use the running statistics averaged over
        // them, which the returned model holds.
        RandomGenerator.Default.SetSeed(2);
        var model = new Sequential<float>().Add(new Linear<float>(6, 10)).Add(new BatchNormalization<float>(10)).Add(new ReLU<float>())
            .Add(new Linear<float>(10, 3)).Add(new LogSoftMax<float>());

        ValidationMethod<float>[] methods = [new Top1Accuracy<float>(), new Loss<float>()];

        var (last, optimizer, processes) = TrainAndValidate(model, epochs: 2, methods);

        Assert.Equal(2, optimizer.WorkerValidations);
        AssertScoresOf(model, last, methods);
        AssertNoneRunning(processes);
    }

    [Fact]
    public void Optimize_WithAValidationMethodOfTheCaller_ScoresInThisProcess()
    {
        var model = Training.Model<float>();

        ValidationMethod<float>[] methods = [new Top1Accuracy<float>(), new ShareOfClassZero()];

        var (last, optimizer, processes) = TrainAndValidate(model, epochs: 1, methods);

        Assert.Equal(0, optimizer.WorkerValidations); // a worker process could not load this assembly's method
        AssertScoresOf(model, last, methods);
        AssertNoneRunning(processes);
    }

    /// <summary>Trains <paramref name="model"/> on 2 workers (40 records, so every replica's share holds several), validating every epoch; the last validation's results.</summary>
    private static (IReadOnlyList<(string Method, ValidationResult Result)> Last, LocalClusterOptimizer<float> Optimizer, HashSet<int> Processes) TrainAndValidate(
        Sequential<float> model, int epochs, params ValidationMethod<float>[] methods)
    {
        var optimizer = DistributedOptimizer.LocalCluster(model, Training.Data<float>(BatchSize, records: 40), new ClassNLLCriterion<float>(), workers: 2);
        optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(epochs)).SetValidation(Trigger.EveryEpoch, Training.Data<float>(16), methods);
        var validations = new List<ValidationCompleted>();
        var processes = new HashSet<int>();
        optimizer.Subscribe(e =>
        {
            processes.UnionWith(optimizer.WorkerProcessIds);
            if (e is ValidationCompleted v) validations.Add(v);
        });
        Training.WithCores(2, optimizer.Optimize);
        Assert.Equal(epochs, validations.Count);
        return (validations[^1].Results, optimizer, processes);
    }

    /// <summary>Asserts that <paramref name="validated"/> holds what <paramref name="methods"/> make of <paramref name="trained"/> on the validation set.</summary>
    private static void AssertScoresOf(Module<float> trained, IReadOnlyList<(string Method, ValidationResult Result)> validated, params ValidationMethod<float>[] methods)
    {
        var expected = trained.Evaluate(Training.Data<float>(16), methods);
        Assert.Equal(methods.Length, validated.Count);
        for (int m = 0; m < methods.Length; m++)
        {
            Assert.Equal(37, validated[m].Result.Result.Count);
            Assert.Equal(expected[m].Result.Result.Value, validated[m].Result.Result.Value, 1e-6);
        }
    }

    /// <summary>The share of records the model assigns class 0 (the first output), a method a worker process cannot load.</summary>
    private sealed class ShareOfClassZero : ValidationMethod<float>
    {
        public override ValidationResult Apply(Tensor<float> output, Tensor<float> target)
        {
            int zero = Enumerable.Range(0, output.Size(0)).Count(r => Enumerable.Range(1, output.Size(1) - 1).All(c => output[r, 0] >= output[r, c]));
            return new AccuracyResult(zero, output.Size(0));
        }
    }

    private sealed class ShapeAlternating(DataSet<MiniBatch<float>> inner) : DataSet<MiniBatch<float>>
    {
        public override long Size => inner.Size;

        public override void Shuffle(int epoch) => inner.Shuffle(epoch);

        public override IEnumerable<MiniBatch<float>> Data(bool train) => inner.Data(train).Select((batch, i) =>
            i % 2 == 0 ? batch : new MiniBatch<float>(batch.Input, batch.Target.View(batch.Size, 1)));
    }

    private const int SigStop = 19;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);
}
