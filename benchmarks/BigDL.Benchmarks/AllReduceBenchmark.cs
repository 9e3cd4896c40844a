using System.Net;
using BigDL.Distributed;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Benchmarks;

/// <summary>
/// BigDL's all-reduce (<see cref="AllReduceParameter{T}"/>, no compression, SGD) over the TCP mesh, N ranks in this
/// process on loopback: seconds per step, the bytes each rank sends against the theoretical 2·P·(N−1)/N·4, and the
/// rate it sends at as a share of what one plain loopback connection carries, measured in the same run — with the
/// slices on the sockets, and through shared memory (the links' /dev/shm slots, as worker processes of one machine use them).
/// </summary>
internal static class AllReduceBenchmark
{
    public static void Print(int[] parameterCounts, int[] rankCounts)
    {
        double socketRate = LoopbackBandwidth.Measure();
        Console.WriteLine($"## All-reduce over the TCP mesh, loopback, all ranks in one process ({Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine($"plain socket copy, one connection: {socketRate * 1e-9:F2} GB/s");
        Console.WriteLine();
        // All ranks share this machine's cores and its one loopback device, as the plain copy does: compare what all of
        // them move together with it (on separate hosts each rank would have its own link).
        Console.WriteLine("| P (floats) | N | slices travel | s/step (median) | sent per rank per step | theory 2·P·(N−1)/N·4 | sent/theory | rate per rank | all ranks | of socket |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (int parameters in parameterCounts)
            foreach (int ranks in rankCounts)
                foreach (bool shared in new[] { false, true })
                {
                    var (seconds, bytesPerRank) = RunAsync(parameters, ranks, shared).GetAwaiter().GetResult();
                    double theory = 2.0 * parameters * (ranks - 1) / ranks * sizeof(float);
                    double rate = bytesPerRank / seconds;
                    Console.WriteLine($"| {parameters:N0} | {ranks} | {(shared ? "shared memory" : "sockets")} | {seconds:F4} | {bytesPerRank / 1e6:F2} MB | {theory / 1e6:F2} MB | {bytesPerRank / theory:F4} | {rate * 1e-9:F2} GB/s | {rate * ranks * 1e-9:F2} GB/s | {rate * ranks / socketRate:P0} |");
                }
        Console.WriteLine();
    }

    private static async Task<(double Seconds, double BytesPerRank)> RunAsync(int parameters, int ranks, bool shared)
    {
        var transports = await ConnectAsync(ranks, shared ? new ParameterSlicing(parameters, ranks).MaxLength * sizeof(float) : 0);
        try
        {
            var steps = transports.Select(t =>
            {
                var weights = new Tensor<float>(parameters);
                var gradient = new Tensor<float>(parameters);
                var random = new Random(t.Rank);
                var g = gradient.AsSpan();
                for (int i = 0; i < g.Length; i++) g[i] = random.NextSingle() - 0.5f;
                return new AllReduceParameter<float>(t, weights, gradient, new SGD<float>(learningRate: 0.01));
            }).ToArray();
            int iteration = 0;
            long sentBefore = 0;
            int measured = 0;
            double seconds = Timing.MedianSeconds(() =>
            {
                int t = ++iteration;
                // The first three calls warm up; count bytes over the measured ones only.
                if (t == 4) sentBefore = transports.Sum(c => c.BytesSent);
                if (t >= 4) measured++;
                Task.WhenAll(steps.Select(s => Task.Run(async () => await s.StepAsync(t, 1.0, 1)))).GetAwaiter().GetResult();
            }, minSeconds: 1, minRuns: 5, maxRuns: 50);
            return (seconds, (double)(transports.Sum(c => c.BytesSent) - sentBefore) / measured / ranks);
        }
        finally
        {
            await Task.WhenAll(transports.Select(t => t.DisposeAsync().AsTask()));
        }
    }

    private static async Task<CountingTransport[]> ConnectAsync(int ranks, int sharedSlotBytes)
    {
        var listeners = Enumerable.Range(0, ranks).Select(_ => TcpMeshListener.Bind(IPAddress.Loopback)).ToArray();
        try
        {
            var peers = listeners.Select(l => l.EndPoint).ToArray();
            var token = new byte[32];
            Random.Shared.NextBytes(token);
            var connected = await Task.WhenAll(Enumerable.Range(0, ranks).Select(r =>
                TcpMesh.ConnectAsync(listeners[r], new MeshIdentity($"allreduce-benchmark-{Environment.ProcessId}", 0, r, ranks, token), peers,
                    new TcpMeshOptions { SharedSlotBytes = sharedSlotBytes })));
            return [.. connected.Select(t => new CountingTransport(t))];
        }
        finally
        {
            foreach (var listener in listeners) listener.Dispose();
        }
    }
}
