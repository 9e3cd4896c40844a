using BigDL.DataSets;
using BigDL.Models;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace BigDL.Benchmarks.Nn;

/// <summary>
/// Whole-model throughput, images/s: a training step (forward, loss, backward, SGD update) through our optimizer
/// against TorchSharp's step, and inference in evaluation mode, on random data of the model's input shape. Ours and
/// theirs alternate over <see cref="LayerBenchmark.Rounds"/> rounds; the best round counts.
/// </summary>
internal static class ModelBenchmark
{
    /// <summary>A model at a batch size, with its multiply-adds per image (×2 for FLOPs) from peers/README.md.</summary>
    public sealed record Case(string Name, int Batch, int[] ImageShape, Func<Module<float>> Ours, Func<nn.Module<Tensor, Tensor>> Theirs,
        double TrainFlopsPerImage, double InferFlopsPerImage);

    public sealed record Result(Case Case, double OursTrain, double TheirsTrain, double OursInfer, double TheirsInfer);

    public static IEnumerable<Case> Cases(string[] models)
    {
        if (models.Contains("lenet"))
            yield return new("LeNet-5", 128, [1, 28, 28], () => LeNet5.Create<float>(10), TorchModels.LeNet5, 1.158e6, 0.444e6);
        if (models.Contains("vgg"))
            foreach (int batch in new[] { 32, 128 })
                yield return new("VggForCifar10", batch, [3, 32, 32], () => VggForCifar10.Create<float>(10, hasDropout: true), TorchModels.VggForCifar10, 1877e6, 627e6);
    }

    public static Result Run(Case c)
    {
        double oursTrain = 0, theirsTrain = 0, oursInfer = 0, theirsInfer = 0;
        for (int round = 0; round < LayerBenchmark.Rounds; round++)
        {
            oursTrain = Math.Max(oursTrain, OursTraining(c));
            theirsTrain = Math.Max(theirsTrain, TheirsTraining(c));
            oursInfer = Math.Max(oursInfer, OursInference(c));
            theirsInfer = Math.Max(theirsInfer, TheirsInference(c));
        }
        return new Result(c, oursTrain, theirsTrain, oursInfer, theirsInfer);
    }

    /// <summary>Median images/s over the iterations of a real <c>Optimize()</c> on one repeated random batch.</summary>
    private static double OursTraining(Case c)
    {
        RandomGenerator.Default.SetSeed(1);
        var data = Batches(c, count: 1);
        int iterations = Iterations(c);
        var rates = new List<double>();
        var optimizer = Optimizer.Create(c.Ours(), data, new ClassNLLCriterion<float>())
            .SetOptimMethod(new SGD<float>(learningRate: 0.05)).SetEndWhen(Trigger.MaxIteration(iterations + 3));
        using var _ = optimizer.Subscribe(e =>
        {
            if (e is IterationCompleted it) rates.Add(it.RecordsPerSecond);
        });
        optimizer.Optimize();
        return Median(rates.Skip(3)); // the first iterations warm up
    }

    private static double OursInference(Case c)
    {
        RandomGenerator.Default.SetSeed(1);
        var model = c.Ours();
        int batches = Math.Max(2, Iterations(c) / 2);
        var data = Batches(c, batches);
        model.Predict(Batches(c, 1)); // warm up
        double seconds = Timing.MedianSeconds(() => model.Predict(data), minSeconds: 1, minRuns: 3);
        return batches * c.Batch / seconds;
    }

    private static double TheirsTraining(Case c)
    {
        torch.manual_seed(1);
        using var net = c.Theirs();
        using var x = torch.randn([c.Batch, .. c.ImageShape.Select(s => (long)s)]);
        using var y = torch.randint(0, 10, [c.Batch], dtype: ScalarType.Int64);
        using var sgd = torch.optim.SGD(net.parameters(), 0.05);
        net.train();
        double seconds = Timing.MedianSeconds(() =>
        {
            using var scope = torch.NewDisposeScope();
            sgd.zero_grad();
            var loss = nn.functional.nll_loss(net.forward(x), y);
            loss.backward();
            sgd.step();
        }, minSeconds: 1, minRuns: Iterations(c));
        return c.Batch / seconds;
    }

    private static double TheirsInference(Case c)
    {
        torch.manual_seed(1);
        using var net = c.Theirs();
        using var x = torch.randn([c.Batch, .. c.ImageShape.Select(s => (long)s)]);
        net.eval();
        double seconds = Timing.MedianSeconds(() =>
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            net.forward(x).sum().item<float>();
        }, minSeconds: 1, minRuns: Iterations(c));
        return c.Batch / seconds;
    }

    private static int Iterations(Case c) => c.Name == "LeNet-5" ? 60 : c.Batch == 32 ? 12 : 5;

    /// <summary><paramref name="count"/> batches of random images with random labels (the same tensors repeated).</summary>
    private static DataSet<MiniBatch<float>> Batches(Case c, int count)
    {
        var random = new RandomGenerator(7);
        var batch = new MiniBatch<float>(Tensor<float>.Randn(random, [c.Batch, .. c.ImageShape]), Tensor<float>.Rand(random, c.Batch).Mul(10).Floor());
        return DataSet.Array(Enumerable.Repeat(batch, count).ToArray(), seed: 1);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
