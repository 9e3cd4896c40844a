using BigDL.DataSets;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;
using BigDL.Tests.Visualization;
using BigDL.Visualization;

namespace BigDL.Tests;

/// <summary>The examples of README.md, kept compiling and true.</summary>
[Collection(ProcessWideSettings.Name)] // the training example sets the Engine's cores
public class ReadmeExampleTests
{
    [Fact]
    public void TensorExample_PrintsAndComputesAsTheReadmeSays()
    {
        var t = new Tensor<double>(2, 2).Fill(1.0);
        Assert.Equal("1.0\t1.0\t\n1.0\t1.0\t\n[BigDL.Tensors.Tensor<double> of size 2x2]", t.ToString());

        var x = Tensor<float>.Randn(new RandomGenerator(seed: 42), 128, 784);
        var w = Tensor<float>.Rand(10, 784);
        var y = x * w.T();
        y.Add(Tensor<float>.Ones(10));
        var (best, label) = y.Max(1);

        Assert.Equal([128, 10], y.Size());
        Assert.Equal([128, 1], best.Size());
        Assert.Equal([128, 1], label.Size());
        int row = 5, expected = 0;
        for (int j = 1; j < 10; j++) if (y[row, j] > y[row, expected]) expected = j;
        Assert.Equal(expected, (int)label[row, 0]);
        double dot = 1;
        for (int k = 0; k < 784; k++) dot += (double)x[row, k] * w[expected, k];
        Assert.Equal(dot, best[row, 0], 2);
    }

    [Fact]
    public void LayersExample_RunsAsTheReadmeSays()
    {
        RandomGenerator.Default.SetSeed(42);
        var model = LeNet5.Create<float>(classNum: 10);
        var criterion = new ClassNLLCriterion<float>();
        var images = Tensor<float>.Rand(128, 784);
        var labels = Tensor<float>.Zeros(128);

        var output = (Tensor<float>)model.Forward(images);
        float loss = criterion.Forward(output, labels);
        model.ZeroGradParameters();
        model.Backward(images, criterion.Backward(output, labels));
        var (weights, gradients) = model.GetParameters();

        Assert.Equal([128, 10], output.Size());
        Assert.InRange(loss, 1.5f, 3.5f);   // about ln 10 for an untrained model
        Assert.Equal(22_278, weights.NElement());
        Assert.NotEqual(0f, gradients.Abs().Sum());
        Assert.StartsWith("nn.Sequential {\n  [input -> (0) -> (1) -> ", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GraphExample_BuildsAndRuns()
    {
        var x = new Input<float>();
        var hidden = new ReLU<float>().Inputs(new Linear<float>(784, 128).Inputs(x));
        var skip = new Linear<float>(784, 128).Inputs(x);
        var joined = new CAddTable<float>().Inputs(hidden, skip);
        var model = new Graph<float>(x, new LogSoftMax<float>().Inputs(new Linear<float>(128, 10).Inputs(joined)));

        var output = model.Forward(Tensor<float>.Rand(4, 784)).ToTensor<float>();
        Assert.Equal([4, 10], output.Size());
        Assert.Equal(784L * 128 * 2 + 128 * 2 + 128 * 10 + 10, model.ParameterCount());
    }

    [Fact]
    public void DataExample_StreamsNormalisesAndBatchesForLeNet5()
    {
        RandomGenerator.Default.SetSeed(42);
        var model = LeNet5.Create<float>(classNum: 10);
        var images = Mnist.Open("/usr/share/datasets/fashion-mnist", Split.Train)
            .Transform(new BytesToGreyImg(28, 28));
        var normalizer = GreyImgNormalizer.FromDataSet(images);
        var train = images.Transform(normalizer).Transform(new GreyImgToBatch<float>(128));
        train.Shuffle(epoch: 1);
        var batch = train.Data(train: true).First();

        Assert.Equal(60000, train.Size);
        Assert.Equal(0.2860, normalizer.Mean, 4);
        Assert.Equal(0.3530, normalizer.Std, 4);
        Assert.Equal([128, 28, 28], batch.Input.Size());
        Assert.Equal([128], batch.Target.Size());
        Assert.Equal([128, 10], model.Forward(batch.Input).ToTensor<float>().Size());
    }

    [Fact]
    public void TrainingSummariesExample_WritesWhereTheReadmeSays()
    {
        using var logs = new TempDirectory();   // the README's /tmp/bigdl-logs
        using var train = new TrainSummary(logDir: logs.Path, appName: "lenet");
        train.AddScalar("Loss", 2.30, step: 1);
        var losses = train.ReadScalar("Loss");

        Assert.Equal(Path.Combine(logs.Path, "lenet", "train"), train.Folder);
        Assert.Matches(@"^events\.out\.tfevents\.\d{10}\.", Path.GetFileName(Assert.Single(Directory.GetFiles(train.Folder))));
        var (step, value, _) = Assert.Single(losses);
        Assert.Equal((1L, 2.30f), (step, value));
    }

    [Fact]
    public void TrainingExample_TrainsValidatesCheckpointsAndSaves()
    {
        using var folder = new TempDirectory();   // the README's /tmp paths
        int cores = Engine.CoreNumber;
        try
        {
            Engine.Init(nodeNumber: 1, coreNumber: 2);
            var dir = "/usr/share/datasets/fashion-mnist";
            var normalizer = new GreyImgNormalizer(0.2860, 0.3530);
            // The README trains on all 60000 images for 5 epochs; here 2560 of them for one short epoch.
            var train = DataSet.Array(Mnist.Load(dir, Split.Train)[..2560], seed: 1)
                .Transform(new BytesToGreyImg(28, 28)).Transform(normalizer).Transform(new GreyImgToBatch<float>(128));
            var test = DataSet.Array(Mnist.Load(dir, Split.Test)[..1000])
                .Transform(new BytesToGreyImg(28, 28)).Transform(normalizer).Transform(new GreyImgToBatch<float>(128));

            var optimizer = BigDL.Optim.Optimizer.Create(LeNet5.Create<float>(10), train, new ClassNLLCriterion<float>())
                .SetOptimMethod(new BigDL.Optim.SGD<float>(learningRate: 0.05, momentum: 0.9, dampening: 0))
                .SetValidation(BigDL.Optim.Trigger.EveryEpoch, test, new BigDL.Optim.Top1Accuracy<float>())
                .SetCheckpoint(Path.Combine(folder.Path, "lenet-checkpoints"), BigDL.Optim.Trigger.EveryEpoch)
                .SetEndWhen(BigDL.Optim.Trigger.MaxEpoch(1));
            var events = new List<BigDL.Optim.TrainingEvent>();
            using var progress = optimizer.Subscribe(events.Add);
            var model = optimizer.Optimize();
            BigDL.Interop.ModelFile.SaveModule(model, Path.Combine(folder.Path, "lenet5.bigdl"));

            var validation = Assert.Single(events.OfType<BigDL.Optim.ValidationCompleted>());
            var accuracy = (BigDL.Optim.AccuracyResult)validation.Results[0].Result;
            Assert.Equal(1000, accuracy.Count);
            Assert.InRange(accuracy.Accuracy, 0.55, 1.0); // 20 iterations already beat chance (0.1) by far
            Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "lenet-checkpoints")));
            Assert.Equal(model.ToString(), BigDL.Interop.ModelFile.Load<float>(Path.Combine(folder.Path, "lenet5.bigdl")).ToString());
        }
        finally
        {
            Engine.SetCoreNumber(cores);
        }
    }
}
