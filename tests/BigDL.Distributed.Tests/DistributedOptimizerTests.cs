using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests;

/// <summary>
/// The acceptance: without compression, N ranks × C cores end with the weights of 1 process × 1 core after the
/// same global batches (37 records in batches of 10 or 3: never a multiple of the ranks, some ranks get no record).
/// </summary>
public class DistributedOptimizerTests
{
    private static OptimMethod<float> Sgd() => new SGD<float>(learningRate: 0.1, momentum: 0.9);

    private static OptimMethod<float> Adam() => new Adam<float>(learningRate: 0.01);

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"weight {i}: {expected[i]} (1 process × 1 core) vs {actual[i]}");
    }

    [Theory]
    [InlineData(1, 1, 10)]
    [InlineData(2, 1, 10)]
    [InlineData(3, 1, 10)]
    [InlineData(4, 1, 10)]
    [InlineData(2, 2, 10)]
    [InlineData(3, 2, 10)]
    [InlineData(4, 2, 3)]
    public void Optimize_SgdWithMomentum_MatchesOneProcessOnOneCore(int ranks, int cores, int batchSize)
    {
        var end = Trigger.MaxEpoch(3);
        var reference = Training.Local(batchSize, Sgd, end);

        var distributed = Training.Distributed(ranks, cores, batchSize, Sgd, end);

        AssertClose(reference, distributed, 2e-5f);
        Assert.NotEqual(Training.Weights(Training.Model<float>()), distributed);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    public void Optimize_AdamWithShardedState_MatchesOneProcessOnOneCore(int ranks, int cores)
    {
        var end = Trigger.MaxEpoch(3);
        var reference = Training.Local(10, Adam, end);

        var distributed = Training.Distributed(ranks, cores, 10, Adam, end);

        AssertClose(reference, distributed, 2e-5f);
    }

    [Theory]
    [InlineData("dfdx")]
    [InlineData("s")]
    public void Optimize_GathersTheShardedStateBackIntoTheMethodGiven(string buffer)
    {
        Func<OptimMethod<float>> make = buffer == "dfdx" ? Sgd : Adam;
        var local = make();
        Training.WithCores(1, () => Optimizer.Create(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>())
            .SetOptimMethod(local).SetEndWhen(Trigger.MaxEpoch(2)).Optimize());
        var distributed = make();

        Training.Distributed(3, 1, 10, () => distributed, Trigger.MaxEpoch(2));

        AssertClose(local.State.Tensors[buffer].AsSpan().ToArray(), distributed.State.Tensors[buffer].AsSpan().ToArray(), 2e-5f);
        Assert.Equal(local.State.Iteration, distributed.State.Iteration);
    }

    [Fact]
    public void Optimize_Double_MatchesOneProcessToDoubleRounding()
    {
        var end = Trigger.MaxEpoch(3);
        Func<OptimMethod<double>> method = () => new SGD<double>(learningRate: 0.1, momentum: 0.9);
        var reference = Training.Local(10, method, end);

        var distributed = Training.Distributed(3, 2, 10, method, end);

        for (int i = 0; i < reference.Length; i++) Assert.True(Math.Abs(reference[i] - distributed[i]) < 1e-12, $"weight {i}: {reference[i]} vs {distributed[i]}");
    }

    [Theory]
    [InlineData(WireCompression.BFloat16, 0.05)]
    [InlineData(WireCompression.Float16, 0.01)]
    [InlineData(WireCompression.TruncatedFloat16, 0.05)]
    public void Optimize_Compressed_LossFallsAndStaysCloseToUncompressed(WireCompression compression, double tolerance)
    {
        var end = Trigger.MaxEpoch(8);
        var plain = Losses(compression: WireCompression.None, end);

        var compressed = Losses(compression, end);

        Assert.True(compressed[^1] < 0.8 * compressed[0], $"loss went from {compressed[0]} to {compressed[^1]}");
        Assert.True(Math.Abs(compressed[^1] - plain[^1]) < tolerance * plain[0], $"final loss {compressed[^1]} compressed vs {plain[^1]} uncompressed");
    }

    private static List<double> Losses(WireCompression compression, Trigger end)
    {
        var losses = new List<double>();
        Training.Distributed(3, 1, 10, Sgd, end, compression, o => o.Subscribe(e =>
        {
            if (e is IterationCompleted iteration) losses.Add(iteration.Loss);
        }));
        return losses;
    }

    [Fact]
    public void Optimize_PublishesTheGlobalBatchesAndCountsIterations()
    {
        var events = new List<TrainingEvent>();
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>(), ranks: 3);
        optimizer.Subscribe(events.Add);
        optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(2));

        optimizer.Optimize();

        var iterations = events.OfType<IterationCompleted>().ToList();
        Assert.Equal([10, 10, 10, 7, 10, 10, 10, 7], iterations.Select(i => i.Records));
        Assert.Equal(2, events.OfType<EpochCompleted>().Count());
        Assert.Equal(9, optimizer.OptimMethod.State.Iteration);
        Assert.Equal(3, optimizer.OptimMethod.State.Epoch);
        Assert.Equal(iterations[^1].Loss, optimizer.OptimMethod.State.Loss);
    }

    [Fact]
    public void Optimize_WithValidation_ScoresTheTrainedModel()
    {
        var results = new List<ValidationCompleted>();
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>(), ranks: 2);
        optimizer.Subscribe(e =>
        {
            if (e is ValidationCompleted v) results.Add(v);
        });
        optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(2)).SetValidation(Trigger.EveryEpoch, Training.Data<float>(16), new Top1Accuracy<float>());

        optimizer.Optimize();

        Assert.Equal(2, results.Count);
        Assert.Equal(results[^1].Results[0].Result.Result.Value, optimizer.OptimMethod.State.Score);
    }

    [Fact]
    public void Optimize_WithValidation_MergesTheRanksShares_AsScoringTheTrainedModel()
    {
        // 37 validation records in batches of 16: the last batch of 5 is cut 1, 2, 2 over the ranks.
        var (validated, model) = TrainAndValidate(Training.Model<float>(), ranks: 3);

        var expected = model.Evaluate(Training.Data<float>(16), new Top1Accuracy<float>(), new Loss<float>());
        Assert.Equal(37, validated[0].Result.Result.Count);
        for (int m = 0; m < expected.Length; m++)
        {
            Assert.Equal(expected[m].Result.Result.Count, validated[m].Result.Result.Count);
            Assert.Equal(expected[m].Result.Result.Value, validated[m].Result.Result.Value, 1e-6);
        }
    }

    [Fact]
    public void Optimize_BatchNormalization_EveryReplicaScoresWithTheAveragedStatistics()
    {
        // Each replica of each rank gathers running statistics of its own records; unless they are averaged over all of
        // them, the ranks score with other statistics than the model returned holds.
        RandomGenerator.Default.SetSeed(2);
        var model = new Sequential<float>().Add(new Linear<float>(6, 10)).Add(new BatchNormalization<float>(10)).Add(new ReLU<float>())
            .Add(new Linear<float>(10, 3)).Add(new LogSoftMax<float>());
        float[] initialMean = [.. ((BatchNormalization<float>)model.Modules[1]).RunningMean.AsSpan()];

        var (validated, trained) = TrainAndValidate(model, ranks: 2, trainingRecords: 40); // at least 2 records per replica, as batch normalisation needs

        Assert.NotEqual(initialMean, ((BatchNormalization<float>)trained.Modules[1]).RunningMean.AsSpan().ToArray());
        var expected = trained.Evaluate(Training.Data<float>(16), new Top1Accuracy<float>(), new Loss<float>());
        Assert.Equal(expected[1].Result.Result.Value, validated[1].Result.Result.Value, 1e-6);
    }

    /// <summary>Trains 2 epochs on <paramref name="ranks"/> ranks × 2 cores, validating every epoch; the last validation's results and the model.</summary>
    private static (IReadOnlyList<(string Method, ValidationResult Result)> Last, Sequential<float> Model) TrainAndValidate(Sequential<float> model, int ranks,
        int trainingRecords = 37)
        => Training.WithCores(2, () =>
        {
            var results = new List<ValidationCompleted>();
            var optimizer = DistributedOptimizer.InProcess(model, Training.Data<float>(10, trainingRecords), new ClassNLLCriterion<float>(), ranks, coresPerRank: 2);
            optimizer.Subscribe(e =>
            {
                if (e is ValidationCompleted v) results.Add(v);
            });
            optimizer.SetOptimMethod(Sgd()).SetEndWhen(Trigger.MaxEpoch(2))
                .SetValidation(Trigger.EveryEpoch, Training.Data<float>(16), new Top1Accuracy<float>(), new Loss<float>());
            optimizer.Optimize();
            Assert.Equal(2, results.Count);
            return (results[^1].Results, model);
        });

    [Fact]
    public void Optimize_RankFails_RethrowsItsErrorNotAPeersLoss()
    {
        var data = DataSet.Array(Enumerable.Range(0, 8).Select(i => new Sample<float>(new Tensors.Tensor<float>(6), i == 5 ? 7f : 0f)).ToArray())
            .Transform(new SampleToMiniBatch<float>(8));
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), data, new ClassNLLCriterion<float>(), ranks: 3);

        var error = Record.Exception(() => optimizer.Optimize());

        Assert.IsNotType<BigDL.Distributed.Transport.PeerLostException>(error);
        Assert.Contains("target 7", error!.Message);
    }

    [Fact]
    public void Optimize_Lbfgs_IsRefusedSayingWhy()
    {
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>(), ranks: 2);
        optimizer.SetOptimMethod(new LBFGS<float>());

        Assert.Contains("LBFGS", Assert.Throws<NotSupportedException>(() => optimizer.Optimize()).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Optimize_L2NormClipping_ClipsByTheWholeGradientsNorm(int ranks)
    {
        var end = Trigger.MaxEpoch(3);
        var unclipped = Training.Local(10, Sgd, end);
        var reference = Training.Local(10, Sgd, end, o => o.SetGradientClippingByL2Norm(0.05));

        var distributed = Training.Distributed(ranks, 1, 10, Sgd, end, configure: o => o.SetGradientClippingByL2Norm(0.05));

        AssertClose(reference, distributed, 2e-5f);
        Assert.True(unclipped.Zip(reference).Max(p => Math.Abs(p.First - p.Second)) > 1e-3f, "the clipping was never active");
    }

    [Fact]
    public void Optimize_Checkpoint_IsRefusedInProcess()
    {
        var optimizer = DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>(), ranks: 2);
        optimizer.SetCheckpoint(Path.GetTempPath(), Trigger.EveryEpoch);

        Assert.Contains("checkpoints", Assert.Throws<NotSupportedException>(() => optimizer.Optimize()).Message);
    }

    [Theory]
    [InlineData(0, 1, "ranks")]
    [InlineData(2, 0, "coresPerRank")]
    public void InProcess_BadCounts_ThrowNamingTheArgument(int ranks, int cores, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DistributedOptimizer.InProcess(Training.Model<float>(), Training.Data<float>(10), new ClassNLLCriterion<float>(), ranks, cores));

        Assert.Equal(name, error.ParamName);
    }
}
