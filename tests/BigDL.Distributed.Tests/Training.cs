using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests;

/// <summary>The small classification problem the optimizer tests train on, and one-call training runs.</summary>
internal static class Training
{
    /// <summary>Linear-ReLU-Linear-LogSoftMax, seeded: 6 features, 3 classes.</summary>
    public static Sequential<T> Model<T>(ulong seed = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RandomGenerator.Default.SetSeed(seed);
        return new Sequential<T>().Add(new Linear<T>(6, 10)).Add(new ReLU<T>()).Add(new Linear<T>(10, 3)).Add(new LogSoftMax<T>());
    }

    /// <summary><paramref name="records"/> generated records whose class depends on the features, batched by <paramref name="batchSize"/>.</summary>
    public static DataSet<MiniBatch<T>> Data<T>(int batchSize, int records = 37) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new RandomGenerator(99);
        var samples = Enumerable.Range(0, records).Select(i =>
        {
            var feature = Tensor<T>.Randn(random, 6);
            var span = feature.AsSpan();
            int label = T.CreateTruncating(span[0] + span[1]) > T.Zero ? (T.CreateTruncating(span[2]) > T.Zero ? 2 : 1) : 0;
            return new Sample<T>(feature, T.CreateTruncating(label));
        }).ToArray();
        return DataSet.Array(samples, seed: 5).Transform(new SampleToMiniBatch<T>(batchSize));
    }

    /// <summary>The flat weights after training with the local optimizer on one core (the reference).</summary>
    public static T[] Local<T>(int batchSize, Func<OptimMethod<T>> method, Trigger endWhen, Action<Optimizer<T>>? configure = null) where T : unmanaged, IFloatingPointIeee754<T>
        => WithCores(1, () =>
        {
            var optimizer = Optimizer.Create(Model<T>(), Data<T>(batchSize), new ClassNLLCriterion<T>()).SetOptimMethod(method()).SetEndWhen(endWhen);
            configure?.Invoke(optimizer);
            return Weights(optimizer.Optimize());
        });

    /// <summary>The flat weights after in-process distributed training.</summary>
    public static T[] Distributed<T>(int ranks, int cores, int batchSize, Func<OptimMethod<T>> method, Trigger endWhen,
        WireCompression compression = WireCompression.None, Action<DistributedOptimizer<T>>? configure = null) where T : unmanaged, IFloatingPointIeee754<T>
        => WithCores(2, () =>
        {
            var optimizer = DistributedOptimizer.InProcess(Model<T>(), Data<T>(batchSize), new ClassNLLCriterion<T>(), ranks, cores, compression);
            optimizer.SetOptimMethod(method()).SetEndWhen(endWhen);
            configure?.Invoke(optimizer);
            return Weights(optimizer.Optimize());
        });

    public static T[] Weights<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
        => model.GetParameters().Weights.Contiguous().AsSpan().ToArray();

    public static TResult WithCores<TResult>(int cores, Func<TResult> run)
    {
        int before = Engine.CoreNumber;
        Engine.SetCoreNumber(cores);
        try
        {
            return run();
        }
        finally
        {
            Engine.SetCoreNumber(before);
        }
    }
}
