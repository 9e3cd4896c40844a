using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;
using BigDL.Tests.Visualization;
using BigDL.Visualization;

namespace BigDL.Tests;

/// <summary>The examples of README.md, kept compiling and true.</summary>
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
}
