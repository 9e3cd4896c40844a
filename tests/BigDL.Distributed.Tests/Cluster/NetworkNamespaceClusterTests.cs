using System.Globalization;
using BigDL.Distributed.Cluster;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>
/// Training on worker processes that live in separate network namespaces joined by a bridge, as on separate hosts:
/// the control plane and the mesh cross real interfaces, not loopback. The weights still equal in-process training,
/// the bridge carried at least the all-reduce's bytes between the namespaces, and nothing is left behind. Where
/// namespaces cannot be created (not root, no iproute2) the test fails saying so; it never skips.
/// </summary>
public sealed class NetworkNamespaceClusterTests
{
    private const int BatchSize = 10; // 37 records: 4 iterations per epoch

    private static OptimMethod<float> Adam() => new Adam<float>(learningRate: 0.01);

    [Fact]
    public void Optimize_WorkersInSeparateNetworkNamespaces_EqualsInProcessRanksOverTheBridge()
    {
        const int workers = 2;
        var inProcess = Training.Distributed(workers, 1, BatchSize, Adam, Trigger.MaxEpoch(2));
        var processes = new Dictionary<int, string>();
        int iterations = 0;
        BridgedNamespaces network;
        string[] namespaces;
        float[] weights;
        long between;
        using (network = BridgedNamespaces.Create(workers))
        {
            namespaces = [.. network.Namespaces];
            network.RequireReachable();
            var optimizer = DistributedOptimizer.LocalCluster(Training.Model<float>(), Training.Data<float>(BatchSize), new ClassNLLCriterion<float>(), workers);
            optimizer.SetPlacement(new WorkerPlacement(workers, network.BridgeAddress, network.Enter));
            optimizer.SetOptimMethod(Adam()).SetEndWhen(Trigger.MaxEpoch(2));
            optimizer.Subscribe(e =>
            {
                if (e is not IterationCompleted) return;
                iterations++;
                foreach (int pid in optimizer.WorkerProcessIds.Where(p => !processes.ContainsKey(p)))
                    processes[pid] = ChildCommand.Check("ip", "netns", "identify", pid.ToString(CultureInfo.InvariantCulture)).Trim();
            });

            long before = network.BytesBetweenNamespaces();
            weights = Training.WithCores(2, () => Training.Weights(optimizer.Optimize()));
            between = network.BytesBetweenNamespaces() - before;
        }

        Assert.Equal(inProcess, weights);
        Assert.Equal(8, iterations);
        // One worker in each namespace trained both segments (an epoch each).
        Assert.Equal(namespaces.Order(), processes.Values.Order());
        // Every iteration, each rank sends the others its gradient slices and its weight slice: 2·P·(N−1)/N floats.
        int parameters = Training.Model<float>().GetParameters().Weights.NElement();
        long allReduceBytes = (long)iterations * workers * 2 * parameters * (workers - 1) / workers * sizeof(float);
        Assert.True(between >= allReduceBytes, $"the bridge carried {between} bytes between the namespaces, less than the all-reduce's {allReduceBytes}");
        foreach (int pid in processes.Keys)
            Assert.False(Directory.Exists($"/proc/{pid}"), $"worker process {pid} still exists after training");
        Assert.Empty(network.TeardownErrors);
        Assert.Empty(network.Leftovers());
    }
}
