using BigDL.DataSets;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Benchmarks.Distributed;

/// <summary>
/// A model at a batch size with its default iteration counts: <see cref="Warmup"/> iterations that are not timed, then
/// <see cref="Iterations"/> timed ones. The warm-up is long enough for the worker processes' JIT to reach its optimised
/// tier (a few seconds of their time: LeNet-5's iterations are short, so it needs many).
/// </summary>
internal sealed record ModelCase(string Key, string Name, int Batch, int[] ImageShape, Func<Module<float>> Create, int Warmup, int Iterations)
{
    /// <summary>Distinct synthetic batches; an epoch repeats them (in its shuffled order) so memory stays small.</summary>
    private const int DistinctBatches = 8;

    /// <summary>LeNet-5 at batch 128 on 1×28×28 and VggForCifar10 (with dropout) at batch 64 on 3×32×32, in the order asked.</summary>
    public static IEnumerable<ModelCase> Select(IEnumerable<string> keys)
    {
        foreach (string key in keys)
            yield return key switch
            {
                "lenet" => new ModelCase(key, "LeNet-5", 128, [1, 28, 28], () => LeNet5.Create<float>(10), Warmup: 300, Iterations: 200),
                "vgg" => new ModelCase(key, "VggForCifar10", 64, [3, 32, 32], () => VggForCifar10.Create<float>(10, hasDropout: true), Warmup: 4, Iterations: 15),
                _ => throw new ArgumentException($"expected a model among lenet, vgg; got \"{key}\"", nameof(keys)),
            };
    }

    /// <summary>
    /// One epoch of <paramref name="batches"/> mini-batches of normal random images with random labels 0–9, the same
    /// for every call (fixed seeds), so every configuration trains on the same data in the same order.
    /// </summary>
    public DataSet<MiniBatch<float>> Data(int batches)
    {
        var random = new RandomGenerator(7);
        var distinct = new MiniBatch<float>[Math.Min(batches, DistinctBatches)];
        for (int i = 0; i < distinct.Length; i++)
            distinct[i] = new MiniBatch<float>(Tensor<float>.Randn(random, [Batch, .. ImageShape]), Tensor<float>.Rand(random, Batch).Mul(10).Floor());
        return DataSet.Array([.. Enumerable.Range(0, batches).Select(i => distinct[i % distinct.Length])], seed: 1);
    }
}
