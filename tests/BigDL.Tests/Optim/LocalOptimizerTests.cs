using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>
/// The local optimizer: replicas give the gradient of the whole batch (any batch size, any core count), resuming from
/// a checkpoint continues exactly, triggers end and validate where they should, events and summaries report it.
/// </summary>
[Collection(ProcessWideSettings.Name)]
public sealed class LocalOptimizerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bigdl-optimizer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A small classifier without batch statistics or randomness, so replicas must match one model exactly.</summary>
    private static Sequential<double> Model(ulong seed)
    {
        RandomGenerator.Default.SetSeed(seed);
        return new Sequential<double>().Add(new Linear<double>(6, 8)).Add(new Tanh<double>()).Add(new Linear<double>(8, 3)).Add(new LogSoftMax<double>());
    }

    /// <summary>37 records of 6 features in 3 classes, batched by <paramref name="batchSize"/> (37 leaves an uneven last batch).</summary>
    private static DataSet<MiniBatch<double>> Data(int batchSize, int records = 37)
    {
        var random = new RandomGenerator(99);
        var samples = Enumerable.Range(0, records).Select(i =>
        {
            var feature = Tensor<double>.Randn(random, 6);
            return new Sample<double>(feature, (double)(i % 3));
        }).ToArray();
        return DataSet.Array(samples, seed: 5).Transform(new SampleToMiniBatch<double>(batchSize));
    }

    private static double[] Train(int cores, int batchSize, Trigger endWhen, Action<Optimizer<double>>? configure = null, ulong modelSeed = 1)
    {
        double[] result = [];
        EngineCores.With(cores, () =>
        {
            var model = Model(modelSeed);
            var optimizer = Optimizer.Create(model, Data(batchSize), new ClassNLLCriterion<double>())
                .SetOptimMethod(new SGD<double>(learningRate: 0.1, momentum: 0.9))
                .SetEndWhen(endWhen);
            configure?.Invoke(optimizer);
            result = optimizer.Optimize().GetParameters().Weights.Contiguous().AsSpan().ToArray();
        });
        return result;
    }

    [Theory]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    [InlineData(3, 37)]
    [InlineData(4, 3)]
    public void Optimize_OnSeveralCores_MatchesOneCoreOnTheSameBatches(int cores, int batchSize)
    {
        var single = Train(1, batchSize, Trigger.MaxEpoch(3));
        var parallel = Train(cores, batchSize, Trigger.MaxEpoch(3));
        Assert.Equal(single.Length, parallel.Length);
        for (int i = 0; i < single.Length; i++) Assert.True(Math.Abs(single[i] - parallel[i]) < 1e-12, $"weight {i}: {single[i]} vs {parallel[i]}");
        var untrained = Model(1).GetParameters().Weights.Contiguous().AsSpan().ToArray();
        Assert.NotEqual(untrained, single);
    }

    [Fact]
    public void Optimize_ResumedFromAnEpochCheckpoint_EndsWithTheSameWeightsAsUninterrupted()
    {
        var straight = Train(2, 8, Trigger.MaxEpoch(2));
        Train(2, 8, Trigger.MaxEpoch(1), o => o.SetCheckpoint(_folder, Trigger.EveryEpoch));
        string checkpoint = CheckpointFile.Latest(_folder)!;
        Assert.EndsWith("checkpoint.5.bigdl", checkpoint); // 37 records in batches of 8: 5 iterations per epoch
        var resumed = Train(2, 8, Trigger.MaxEpoch(2), o => o.ResumeFrom(checkpoint), modelSeed: 77);
        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void Optimize_ResumedFromAMidEpochCheckpoint_EndsWithTheSameWeightsAsUninterrupted()
    {
        var straight = Train(2, 8, Trigger.MaxIteration(12));
        Train(2, 8, Trigger.MaxIteration(7), o => o.SetCheckpoint(_folder, Trigger.SeveralIteration(7), overwrite: true));
        var resumed = Train(2, 8, Trigger.MaxIteration(12), o => o.ResumeFrom(Path.Combine(_folder, "checkpoint.bigdl")), modelSeed: 77);
        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void Optimize_ReportsEveryIterationEpochValidationAndTheEnd()
    {
        var events = new List<TrainingEvent>();
        Train(2, 10, Trigger.MaxEpoch(2), o => o
            .SetValidation(Trigger.EveryEpoch, Data(16), new Top1Accuracy<double>(), new Loss<double>())
            .Subscribe(events.Add));
        var iterations = events.OfType<IterationCompleted>().ToList();
        Assert.Equal(8, iterations.Count); // 37 records in 10s: 4 batches per epoch
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], iterations.Select(i => i.Iteration));
        Assert.Equal([10, 10, 10, 7, 10, 10, 10, 7], iterations.Select(i => i.Records));
        Assert.Equal([10L, 20, 30, 37, 10, 20, 30, 37], iterations.Select(i => i.RecordsInEpoch));
        Assert.All(iterations, i => Assert.Equal(0.1, i.LearningRate, 12));
        Assert.Equal([1, 2], events.OfType<EpochCompleted>().Select(e => e.Epoch));
        var validations = events.OfType<ValidationCompleted>().ToList();
        Assert.Equal(2, validations.Count);
        Assert.All(validations, v => Assert.Equal(["Top1Accuracy", "Loss"], v.Results.Select(r => r.Method)));
        Assert.All(validations, v => Assert.Equal(37, v.Results[0].Result.Result.Count));
        var end = Assert.IsType<TrainingCompleted>(events[^1]);
        Assert.Equal(8, end.Iteration);
        Assert.Equal(74, end.Records);
        Assert.False(end.Cancelled);
    }

    [Fact]
    public void Optimize_Cancelled_StopsAfterTheCurrentIterationAndSaysSo()
    {
        var events = new List<TrainingEvent>();
        using var cancellation = new CancellationTokenSource();
        EngineCores.With(1, () =>
        {
            var optimizer = Optimizer.Create(Model(1), Data(5), new ClassNLLCriterion<double>()).SetEndWhen(Trigger.MaxEpoch(100));
            optimizer.Subscribe(e =>
            {
                events.Add(e);
                if (e is IterationCompleted { Iteration: 3 }) cancellation.Cancel();
            });
            optimizer.Optimize(cancellation.Token);
        });
        Assert.Equal(3, events.OfType<IterationCompleted>().Count());
        Assert.True(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
    }

    [Fact]
    public void Optimize_ConstantGradientClipping_BoundsEveryStep()
    {
        // Plain SGD with learning rate 1: a weight moves by at most the clipping bound per iteration.
        var before = Model(1).GetParameters().Weights.Contiguous().AsSpan().ToArray();
        double[] after = [];
        EngineCores.With(2, () =>
        {
            var model = Model(1);
            Optimizer.Create(model, Data(37), new ClassNLLCriterion<double>())
                .SetOptimMethod(new SGD<double>(learningRate: 1)).SetEndWhen(Trigger.MaxIteration(1))
                .SetConstantGradientClipping(-1e-3, 1e-3).Optimize();
            after = model.GetParameters().Weights.Contiguous().AsSpan().ToArray();
        });
        double largest = before.Zip(after, (b, a) => Math.Abs(a - b)).Max();
        Assert.InRange(largest, 0.9e-3, 1e-3 + 1e-15);
    }

    [Fact]
    public void Optimize_GradientClippingByL2Norm_LimitsTheStep()
    {
        var before = Model(1).GetParameters().Weights.Contiguous().AsSpan().ToArray();
        var after = Train(1, 37, Trigger.MaxIteration(1), o => o.SetOptimMethod(new SGD<double>(learningRate: 1)).SetGradientClippingByL2Norm(0.01));
        double step = Math.Sqrt(before.Zip(after, (b, a) => (a - b) * (a - b)).Sum());
        Assert.Equal(0.01, step, 9);
    }

    [Fact]
    public void Optimize_WithSummaries_WritesScalarsTensorBoardReads()
    {
        var train = new BigDL.Visualization.TrainSummary(_folder, "app");
        var validation = new BigDL.Visualization.ValidationSummary(_folder, "app");
        Train(2, 10, Trigger.MaxEpoch(1), o => o.SetTrainSummary(train).SetValidationSummary(validation)
            .SetValidation(Trigger.EveryEpoch, Data(37), new Top1Accuracy<double>()));
        Assert.Equal([1L, 2, 3, 4], train.ReadScalar("Loss").Select(s => s.Step));
        Assert.Equal(4, train.ReadScalar("Throughput").Length);
        Assert.All(train.ReadScalar("LearningRate"), s => Assert.Equal(0.1f, s.Value, 6));
        var top1 = Assert.Single(validation.ReadScalar("Top1Accuracy"));
        Assert.Equal(4, top1.Step);
        Assert.InRange(top1.Value, 0f, 1f);
        train.Dispose();
        validation.Dispose();
    }

    [Fact]
    public void PredictAndEvaluate_UseEveryRecordOnce()
    {
        EngineCores.With(3, () =>
        {
            var model = Model(1);
            var scores = model.Predict(Data(8));
            Assert.Equal([37, 3], scores.Size());
            var classes = model.PredictClass(Data(8));
            Assert.Equal(37, classes.Length);
            var (_, result) = Assert.Single(model.Evaluate(Data(8), new Top1Accuracy<double>()));
            var accuracy = (AccuracyResult)result;
            Assert.Equal(37, accuracy.Count);
            // The classes predicted per record agree with the accuracy counted per batch, in stored order.
            var targets = Data(8).Data(train: false).SelectMany(b => Enumerable.Range(0, b.Size).Select(r => (int)b.Target[r])).ToArray();
            Assert.Equal(classes.Zip(targets, (c, t) => c == t ? 1 : 0).Sum(), accuracy.Correct);
            Assert.True(model.IsTraining);
        });
    }

    [Fact]
    public void Create_ConfigurationErrors_AreClear()
    {
        var optimizer = Optimizer.Create(Model(1), Data(8), new ClassNLLCriterion<double>());
        Assert.Throws<ArgumentException>(() => optimizer.SetValidation(Trigger.EveryEpoch, Data(8)));
        Assert.Throws<FileNotFoundException>(() => optimizer.ResumeFrom(Path.Combine(_folder, "none.bigdl")));
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.SetGradientClippingByL2Norm(0));
        Assert.Throws<ArgumentException>(() => optimizer.SetConstantGradientClipping(1, -1));
    }

    [Fact]
    public void ResumeFrom_ACheckpointOfAnotherArchitecture_ThrowsShowingBoth()
    {
        Train(1, 8, Trigger.MaxIteration(1), o => o.SetCheckpoint(_folder, Trigger.SeveralIteration(1)));
        var other = new Sequential<double>().Add(new Linear<double>(6, 3)).Add(new LogSoftMax<double>());
        var optimizer = Optimizer.Create(other, Data(8), new ClassNLLCriterion<double>()).ResumeFrom(CheckpointFile.Latest(_folder)!);
        var e = Assert.Throws<InvalidDataException>(() => optimizer.Optimize());
        Assert.Contains("nn.Linear(6 -> 8)", e.Message);
        Assert.Contains("nn.Linear(6 -> 3)", e.Message);
    }
}
