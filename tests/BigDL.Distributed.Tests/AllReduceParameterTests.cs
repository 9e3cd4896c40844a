using BigDL.Distributed.Transport;
using BigDL.Distributed.Wire;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests;

public class AllReduceParameterTests
{
    // Rank r's gradient at iteration t: distinct per rank, element and iteration.
    private static float Gradient(int rank, int iteration, int i) => (rank + 1) * 0.5f + i * 0.25f - iteration * 0.125f;

    private static float Loss(int rank) => 1f + rank;

    private sealed record RankRun(AllReduceParameter<float> AllReduce, Tensor<float> Weights, Tensor<float> Gradient, AllReduceResult[] Results);

    private static async Task<RankRun[]> RunAsync(int ranks, int parameters, long[] records, Func<OptimMethod<float>> method,
        int iterations = 1, WireCompression compression = WireCompression.None, bool recordWeighted = true)
    {
        var transports = InMemoryNetwork.Create(ranks);
        var runs = Enumerable.Range(0, ranks).Select(r =>
        {
            var weights = new Tensor<float>([.. Enumerable.Range(0, parameters).Select(i => 1f + i)], parameters);
            var gradient = new Tensor<float>(parameters);
            return new RankRun(new AllReduceParameter<float>(transports[r], weights, gradient, method(), compression, recordWeighted), weights, gradient, new AllReduceResult[iterations]);
        }).ToArray();
        // Each rank loops over its iterations on its own, without a barrier between them: a fast rank's frames of the next
        // iteration reach slower ones early.
        await Task.WhenAll(runs.Select((run, r) => Task.Run(async () =>
        {
            var gradient = new float[parameters];
            for (int t = 1; t <= iterations; t++)
            {
                for (int i = 0; i < parameters; i++) gradient[i] = Gradient(r, t, i);
                gradient.CopyTo(run.Gradient.AsSpan());
                run.Results[t - 1] = await run.AllReduce.StepAsync(t, Loss(r), records[r]);
            }
        })));
        return runs;
    }

    private static float[] Expected(int parameters, long[] records, int iterations, bool recordWeighted = true)
    {
        var w = Enumerable.Range(0, parameters).Select(i => 1.0 + i).ToArray();
        double total = records.Sum();
        for (int t = 1; t <= iterations; t++)
            for (int i = 0; i < parameters; i++)
                for (int r = 0; r < records.Length; r++)
                    if (records[r] > 0) w[i] -= (recordWeighted ? records[r] / total : 1) * Gradient(r, t, i);
        return [.. w.Select(v => (float)v)];
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 7)]
    [InlineData(3, 10)]
    [InlineData(4, 2)]
    public async Task StepAsync_UnevenRecords_EveryRankGetsTheRecordWeightedUpdate(int ranks, int parameters)
    {
        long[] records = [.. Enumerable.Range(0, ranks).Select(r => r == 2 ? 0L : 1L + 6 * r)];

        var runs = await RunAsync(ranks, parameters, records, () => new SGD<float>(learningRate: 1), iterations: 3);

        var expected = Expected(parameters, records, 3);
        double total = records.Sum();
        double loss = Enumerable.Range(0, ranks).Sum(r => Loss(r) * records[r] / total);
        foreach (var run in runs)
        {
            for (int i = 0; i < parameters; i++) Assert.Equal(expected[i], run.Weights.AsSpan()[i], 1e-5f);
            Assert.All(run.Results, result =>
            {
                Assert.Equal(loss, result.Loss, 1e-12);
                Assert.Equal((long)total, result.Records);
            });
        }
        Assert.Equal(runs[0].Weights.AsSpan().ToArray(), runs[^1].Weights.AsSpan().ToArray());
    }

    [Fact]
    public async Task StepAsync_SummingCriterion_SumsContributionsAndLosses()
    {
        long[] records = [2, 3];

        var runs = await RunAsync(2, 5, records, () => new SGD<float>(learningRate: 1), recordWeighted: false);

        var expected = Expected(5, records, 1, recordWeighted: false);
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], runs[1].Weights.AsSpan()[i], 1e-5f);
        Assert.Equal(Loss(0) + Loss(1), runs[0].Results[0].Loss, 12);
    }

    [Fact]
    public async Task StepAsync_Adam_EachOwnerKeepsStateForItsSliceOnly()
    {
        var runs = await RunAsync(3, 10, [4, 4, 4], () => new Adam<float>(learningRate: 0.1), iterations: 2);

        Assert.Equal([4, 3, 3], runs.Select(run => run.AllReduce.Method.State.Tensors["s"].NElement()));
        Assert.All(runs, run => Assert.Equal(3, run.AllReduce.Method.State.Iteration));
    }

    [Theory]
    [InlineData(WireCompression.BFloat16, WireDType.BFloat16)]
    [InlineData(WireCompression.Float16, WireDType.Float16)]
    [InlineData(WireCompression.TruncatedFloat16, WireDType.TruncatedFloat16)]
    public async Task StepAsync_Compressed_WeightsAreTheEncodedMastersOnEveryRank(WireCompression compression, WireDType dtype)
    {
        var runs = await RunAsync(2, 9, [3, 5], () => new SGD<float>(learningRate: 0.01), iterations: 2, compression: compression);

        foreach (var owner in runs)
        {
            var (offset, length) = owner.AllReduce.Slicing[owner.AllReduce.Rank];
            var bytes = new byte[WireCodec.EncodedLength(dtype, length)];
            var travelled = new float[length];
            WireCodec.Encode<float>(owner.AllReduce.Master!.AsSpan(), dtype, bytes);
            WireCodec.Decode<float>(bytes, dtype, travelled);
            foreach (var run in runs) Assert.Equal(travelled, run.Weights.AsSpan().Slice(offset, length).ToArray());
            Assert.NotEqual(travelled, owner.AllReduce.Master!.AsSpan().ToArray());
        }
    }

    [Fact]
    public async Task StepAsync_NoRankHasRecords_Throws()
        => Assert.Contains("no rank of 2 had a record",
            (await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(2, 4, [0, 0], () => new SGD<float>()))).Message);

    [Fact]
    public async Task StepAsync_PeerLeft_ThrowsPeerLost()
    {
        var transports = InMemoryNetwork.Create(2);
        var allReduce = new AllReduceParameter<float>(transports[0], new Tensor<float>(4), new Tensor<float>(4), new SGD<float>());

        await transports[1].DisposeAsync();

        Assert.Equal(1, (await Assert.ThrowsAsync<PeerLostException>(async () => await allReduce.StepAsync(1, 0, 1))).Rank);
    }

    [Fact]
    public async Task StepAsync_FrameOfAnotherGeneration_IsRefused()
    {
        var transports = InMemoryNetwork.Create(2);
        var allReduce = new AllReduceParameter<float>(transports[0], new Tensor<float>(4), new Tensor<float>(4), new SGD<float>(), generation: 3);

        await transports[1].SendAsync(0, new FrameHeader(FrameType.Scalars, 2, 1, 1, 0, WireDType.Float64), new byte[32]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await allReduce.StepAsync(1, 0, 1));
        Assert.Contains("refused a frame of generation 2 from rank 1; this job runs generation 3", error.Message);
    }

    [Fact]
    public async Task StepAsync_PeerAborts_ThrowsPeerLostNamingIt()
    {
        var transports = InMemoryNetwork.Create(2);
        var allReduce = new AllReduceParameter<float>(transports[0], new Tensor<float>(4), new Tensor<float>(4), new SGD<float>());

        await transports[1].SendAsync(0, new FrameHeader(FrameType.Abort, 0, 1, 1, 0, WireDType.Float32), ReadOnlyMemory<byte>.Empty);

        Assert.Contains("peer rank 1 aborted", (await Assert.ThrowsAsync<PeerLostException>(async () => await allReduce.StepAsync(1, 0, 1))).Message);
    }

    [Fact]
    public async Task StepAsync_GradientFrameOfWrongLength_IsRefused()
    {
        var transports = InMemoryNetwork.Create(2);
        var allReduce = new AllReduceParameter<float>(transports[0], new Tensor<float>(4), new Tensor<float>(4), new SGD<float>());
        var scalars = new byte[32];
        BitConverter.GetBytes(1L).CopyTo(scalars, 8); // records
        BitConverter.GetBytes(1L).CopyTo(scalars, 16); // records of the share

        await transports[1].SendAsync(0, new FrameHeader(FrameType.Scalars, 0, 1, 1, 0, WireDType.Float64), scalars);
        await transports[1].SendAsync(0, new FrameHeader(FrameType.GradientSlice, 0, 1, 1, 0, WireDType.Float32), new byte[12]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await allReduce.StepAsync(1, 0, 1));
        Assert.Contains("expected a GradientSlice frame of 8 bytes from rank 1 (iteration 1), got 12 bytes", error.Message);
    }

    [Fact]
    public void Constructor_GradientOfAnotherSize_ThrowsNamingBothSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => new AllReduceParameter<float>(InMemoryNetwork.Create(1)[0], new Tensor<float>(4), new Tensor<float>(5), new SGD<float>()));

        Assert.Equal("gradient", error.ParamName);
        Assert.Contains("contiguous tensor of 4 elements", error.Message);
        Assert.Contains("got size [5]", error.Message);
    }
}
