using System.Numerics;
using BigDL.DataSets;
using BigDL.Distributed.Transport;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests;

/// <summary>
/// Drop-slow (BigDL's straggler option): the threshold is learned as BigDL learned it, a late replica is left out and
/// the rest averaged as if its records had never been in the batch, too large a loss discards the update on every
/// rank, and the option trains end to end in process and on worker processes.
/// </summary>
public sealed class DropSlowTests
{
    private const float Marker = 1000f;

    /// <summary>Passes its input through; waits (up to a minute) for <paramref name="release"/> when a record's first feature is the marker, which makes the replica holding that record late.</summary>
    private sealed class SlowOnMarker<T>(ManualResetEventSlim release) : AbstractModule<IActivity, IActivity, T>(new Tensor<T>(), new Tensor<T>())
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        protected override IActivity UpdateOutput(IActivity input)
        {
            var x = input.ToTensor<T>();
            for (int r = 0; r < x.Size(0); r++)
                if (x[r, 0] == T.CreateTruncating(Marker)) release.Wait(TimeSpan.FromMinutes(1));
            return input;
        }

        protected override IActivity UpdateGradInput(IActivity input, IActivity gradOutput) => gradOutput;
    }

    /// <summary>A data set of fixed batches in a fixed order (records must land on known replicas).</summary>
    private sealed class InOrder(IReadOnlyList<MiniBatch<float>> batches) : DataSet<MiniBatch<float>>
    {
        public override long Size => batches.Sum(b => b.Size);

        public override IEnumerable<MiniBatch<float>> Data(bool train) => batches;

        public override void Shuffle(int epoch)
        {
        }
    }

    private static Module<float> Model(ManualResetEventSlim release)
    {
        RandomGenerator.Default.SetSeed(4);
        return new Sequential<float>().Add(new SlowOnMarker<float>(release)).Add(new Linear<float>(6, 3)).Add(new LogSoftMax<float>());
    }

    /// <summary>Batch <paramref name="index"/> of 8 records; with <paramref name="marked"/> its last record carries the marker.</summary>
    private static MiniBatch<float> Batch(int index, bool marked)
    {
        var random = new RandomGenerator((ulong)(20 + index));
        var input = Tensor<float>.Randn(random, 8, 6);
        if (marked) input[7, 0] = Marker;
        var target = new Tensor<float>([.. Enumerable.Range(0, 8).Select(i => (float)((i + index) % 3))], 8);
        return new MiniBatch<float>(input, target);
    }

    /// <summary>
    /// Trains 2 in-memory ranks × 2 replicas on 3 marked batches by hand, with a threshold of 1 s already learned (and
    /// <paramref name="policy"/>'s window too long to learn another): rank 1's second replica (records 6 and 7) waits for
    /// the marker's release and is late every time.
    /// </summary>
    private static (AllReduceResult[] Results, RankTrainer<float>[] Ranks) TrainWithLateReplica(DropSlowPolicy policy, ManualResetEventSlim release)
    {
        var transports = InMemoryNetwork.Create(2);
        var ranks = Enumerable.Range(0, 2).Select(r => RankTrainer<float>.Create(transports[r], Model(release), new ClassNLLCriterion<float>(),
            new SGD<float>(learningRate: 0.5), 2, WireCompression.None, GradientClipping.None, 0, new StragglerThreshold(policy, thresholdSeconds: 1.0))).ToArray();
        var results = new List<AllReduceResult>();
        for (int i = 0; i < 3; i++)
        {
            var batch = Batch(i, marked: true);
            var steps = Enumerable.Range(0, 2).Select(r => Task.Run(() => ranks[r].StepAsync(BatchShares.Of(batch, 2, r), 1, i + 1).AsTask())).ToArray();
            Task.WaitAll(steps);
            Assert.Equal(steps[0].Result, steps[1].Result);
            results.Add(steps[0].Result);
        }
        return ([.. results], ranks);
    }

    [Fact]
    public void LateReplica_IsLeftOut_AndTheRestTrainsAsIfItsRecordsWereNeverThere()
    {
        using var release = new ManualResetEventSlim();
        var (results, ranks) = TrainWithLateReplica(new DropSlowPolicy(0.25, 0.5, windowIterations: 1000, warmupIterations: 0), release);
        release.Set();
        foreach (var rank in ranks) rank.Dispose();

        // The reference: one model on one core, trained on the same batches without records 6 and 7.
        using var never = new ManualResetEventSlim();
        var reference = Model(never);
        var (weights, gradient) = reference.GetParameters();
        var criterion = new ClassNLLCriterion<float>();
        var sgd = new SGD<float>(learningRate: 0.5);
        Training.WithCores(1, () =>
        {
            for (int i = 0; i < 3; i++)
            {
                var kept = Batch(i, marked: true).Slice(0, 6);
                reference.ZeroGradParameters();
                var output = reference.Forward(kept.Input);
                double loss = criterion.Forward(output, kept.Target);
                reference.Backward(kept.Input, criterion.Backward(output, kept.Target));
                sgd.Optimize(_ => (loss, gradient), weights);
            }
            return 0;
        });

        Assert.All(results, r =>
        {
            Assert.True(r.Applied);
            Assert.Equal(1, r.DroppedReplicas);
            Assert.Equal(6, r.Records);
            Assert.Equal(8, r.BatchRecords);
        });
        var trained = ranks[0].Weights.AsSpan().ToArray();
        Assert.Equal(trained, ranks[1].Weights.AsSpan().ToArray());
        var expected = weights.AsSpan().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], trained[i], 5);
    }

    [Fact]
    public void TooManyRecordsLate_DiscardsTheUpdateOnEveryRank_ButCountsTheIteration()
    {
        using var release = new ManualResetEventSlim();
        var before = Training.Weights(Model(release));

        // 2 of 8 records late (25%) is more than the 20% an iteration may lose.
        var (results, ranks) = TrainWithLateReplica(new DropSlowPolicy(0.1, 0.2, windowIterations: 1000, warmupIterations: 0), release);
        release.Set();
        foreach (var rank in ranks) rank.Dispose();

        Assert.All(results, r =>
        {
            Assert.False(r.Applied);
            Assert.Equal(6, r.Records);
            Assert.Equal(1, r.DroppedReplicas);
        });
        Assert.All(ranks, rank =>
        {
            Assert.Equal(before, rank.Weights.AsSpan().ToArray());
            Assert.Equal(4, rank.AllReduce.Method.State.Iteration);
        });
    }

    [Fact]
    public void Threshold_IsLearnedAfterTheWarmUp_FromEveryRanksTimes_AsTheKthLongest()
    {
        var threshold = new StragglerThreshold(new DropSlowPolicy(0.2, 0.5, windowIterations: 2, warmupIterations: 2));
        var applied = new AllReduceResult(0, 8, 0.1) { BatchRecords = 8 };

        Assert.False(threshold.Completed(applied));
        Assert.False(threshold.Completed(applied)); // the end of a window, but still warming up
        Assert.Equal(Timeout.InfiniteTimeSpan, threshold.Timeout);
        threshold.Record([0.5, 0.1]);
        Assert.False(threshold.Completed(applied));
        threshold.Record([0.3, 0.2]);
        Assert.True(threshold.Completed(applied));
        Assert.Equal([0.5, 0.1, 0.3, 0.2], threshold.WindowSeconds);

        // 10 runs over the ranks, 20% to drop: the 2nd longest.
        threshold.Learn([0.5, 0.1, 0.3, 0.2, 0.9, 0.4, 0.6, 0.35, 0.25, 0.15]);

        Assert.Equal(0.6, threshold.ThresholdSeconds);
        Assert.Equal(TimeSpan.FromSeconds(0.6), threshold.Timeout);
        Assert.Empty(threshold.WindowSeconds);
        Assert.Equal(4, threshold.IterationsSeen);
    }

    [Fact]
    public void Threshold_MoreDroppedThanWanted_IsRaisedByOnePercent()
    {
        var threshold = new StragglerThreshold(new DropSlowPolicy(0.2, 0.5, windowIterations: 1, warmupIterations: 0), thresholdSeconds: 0.5);

        Assert.True(threshold.Completed(new AllReduceResult(0, 2, 0.1) { BatchRecords = 8, DroppedReplicas = 3 }));
        threshold.Learn([0.1, 0.2]); // 5 runs, 1 to drop, 3 dropped

        Assert.Equal(0.505, threshold.ThresholdSeconds!.Value, 12);
    }

    [Theory]
    [InlineData(0.0, 0.5, 100, 200, "dropPercentage")]
    [InlineData(1.0, 0.5, 100, 200, "dropPercentage")]
    [InlineData(0.1, 0.05, 100, 200, "maxDropPercentage")]
    [InlineData(0.1, 1.0, 100, 200, "maxDropPercentage")]
    [InlineData(0.1, 0.5, 0, 200, "windowIterations")]
    [InlineData(0.1, 0.5, 100, -1, "warmupIterations")]
    public void Policy_NumberOutOfRange_ThrowsNamingIt(double drop, double maxDrop, int window, int warmup, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DropSlowPolicy(drop, maxDrop, window, warmup));

        Assert.Equal(name, error.ParamName);
        Assert.Contains("expected", error.Message);
    }

    [Fact]
    public async Task AllReduce_SummingCriterionWithRecordsLeftOut_ScalesTheSumUpToTheWholeBatch()
    {
        var transports = InMemoryNetwork.Create(2);
        var weights = new[] { Tensor<double>.Zeros(2), Tensor<double>.Zeros(2) };
        var gradients = new[] { new Tensor<double>([1.0, 2.0], 2), new Tensor<double>([100.0, 100.0], 2) };
        var ranks = Enumerable.Range(0, 2).Select(r => new AllReduceParameter<double>(transports[r], weights[r], gradients[r],
            OptimMethodShards.ForSlice(new SGD<double>(learningRate: 1), r, 1, 2), recordWeighted: false)).ToArray();

        // Rank 0 brings all 3 records of its share, rank 1 none of its 3: the sum of 3 records stands for the batch's 6.
        var results = await Task.WhenAll(
            ranks[0].StepAsync(1, new RankContribution(1.5, 3, 3, 0)).AsTask(),
            ranks[1].StepAsync(1, new RankContribution(0, 0, 3, 1)).AsTask());

        Assert.Equal([-2.0, -4.0], weights[0].AsSpan().ToArray());
        Assert.Equal(weights[0].AsSpan().ToArray(), weights[1].AsSpan().ToArray());
        Assert.Equal(3.0, results[0].Loss);
        Assert.Equal(1, results[0].DroppedReplicas);
        Assert.Equal((3L, 6L), (results[1].Records, results[1].BatchRecords));
    }

    [Fact]
    public void InProcess_DropSlowOn_LearnsAThresholdAndCountsEveryIteration()
    {
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(6), new ClassNLLCriterion<float>(), ranks: 2, coresPerRank: 2);
        optimizer.SetDropModuleProperty(0.3, 0.9, batchSize: 2, warmupIteration: 1);
        optimizer.SetOptimMethod(new SGD<float>(learningRate: 0.1)).SetEndWhen(Trigger.MaxIteration(6));
        var before = Training.Weights(Training.Model<float>());

        var weights = Training.WithCores(2, () => Training.Weights(optimizer.Optimize()));

        var stats = optimizer.DropStatistics;
        Assert.Equal(6, stats.Iterations);
        Assert.True(stats.ThresholdSeconds > 0, $"expected a threshold learned after the first window, got {stats.ThresholdSeconds}");
        Assert.True(stats.DroppedRecords >= stats.DroppedReplicas, $"{stats.DroppedReplicas} dropped replicas held {stats.DroppedRecords} records");
        Assert.NotEqual(before, weights);
        Assert.All(weights, w => Assert.True(float.IsFinite(w)));
    }
}
