using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>The all-reduce over the TCP mesh does what it does over the in-memory network.</summary>
public class TcpMeshAllReduceTests
{
    private static float Gradient(int rank, int iteration, int i) => (rank + 1) * 0.5f + (i % 97) * 0.25f - iteration * 0.125f;

    /// <summary>Each rank's weights and results after <paramref name="iterations"/> steps of Adam over <paramref name="transports"/>.</summary>
    private static async Task<(float[] Weights, AllReduceResult[] Results)[]> TrainAsync(IRankTransport[] transports, int parameters, long[] records, int iterations)
    {
        return await Task.WhenAll(transports.Select(transport => Task.Run(async () =>
        {
            var weights = new Tensor<float>([.. Enumerable.Range(0, parameters).Select(i => 1f + i * 0.01f)], parameters);
            var gradient = new Tensor<float>(parameters);
            var allReduce = new AllReduceParameter<float>(transport, weights, gradient, new Adam<float>(learningRate: 0.05));
            var results = new AllReduceResult[iterations];
            for (int t = 1; t <= iterations; t++)
            {
                var g = gradient.AsSpan();
                for (int i = 0; i < parameters; i++) g[i] = Gradient(transport.Rank, t, i);
                results[t - 1] = await allReduce.StepAsync(t, 1.0 + transport.Rank, records[transport.Rank]);
            }
            return (weights.AsSpan().ToArray(), results);
        }))).WaitAsync(Deadline);
    }

    [Theory]
    [InlineData(2, 7, false)]
    [InlineData(3, 10, false)]
    [InlineData(3, 30_001, false)]
    [InlineData(2, 60_000, true)]
    [InlineData(3, 30_001, true)]
    public async Task StepAsync_OverTcp_LeavesEveryRankWithTheWeightsOfTheInMemoryNetwork(int ranks, int parameters, bool sharedMemory)
    {
        long[] records = [.. Enumerable.Range(0, ranks).Select(r => 3L + 5 * r)];
        var inMemory = await TrainAsync(InMemoryNetwork.Create(ranks), parameters, records, iterations: 3);

        // Slices of 30,000 and 10,001 floats: above the 16 kB the links send with their header, so through the slots.
        var options = sharedMemory ? new TcpMeshOptions { SharedSlotBytes = new ParameterSlicing(parameters, ranks).MaxLength * sizeof(float) } : null;
        var mesh = await ConnectAllAsync(ranks, options);
        try
        {
            var overTcp = await TrainAsync(mesh, parameters, records, iterations: 3);

            for (int r = 0; r < ranks; r++)
            {
                Assert.Equal(inMemory[r].Weights, overTcp[r].Weights);
                Assert.Equal(inMemory[r].Results, overTcp[r].Results);
            }
            Assert.Equal(overTcp[0].Weights, overTcp[^1].Weights);
            Assert.NotEqual(1f, overTcp[0].Weights[0]);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }
}
