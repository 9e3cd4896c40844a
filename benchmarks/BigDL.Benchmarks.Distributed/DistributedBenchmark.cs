using BigDL.DataSets;
using BigDL.Distributed;
using BigDL.Distributed.Cluster;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Benchmarks.Distributed;

/// <summary>
/// Training throughput of one model in three configurations on the same data, from the same initial weights, with
/// SGD: (a) the local optimizer, one process on 2 cores; (b) the in-process distributed optimizer, 2 ranks of 1 core
/// (the Engine set to 1 core, so each rank computes on its own thread as a worker process does); (c) the local cluster,
/// 2 worker processes of 1 core, in one segment for the whole run, their slices through shared memory (the default on
/// one machine); (d) the same with every slice on the TCP links (loopback), whose bytes the wire table counts. An
/// untimed local run of the warm-up iterations comes first, so no configuration pays for this process's JIT
/// compilation in its timed window.
/// </summary>
internal static class DistributedBenchmark
{
    private const int Ranks = 2;
    private const int LocalCores = 2;

    /// <summary>A configuration's row: its label and what its run measured.</summary>
    public sealed record Row(string Configuration, RunResult Result);

    /// <summary>One model's measurements: its parameter count, its untimed iterations and a row per configuration, local first.</summary>
    public sealed record Result(ModelCase Case, long Parameters, int Warmup, Row[] Rows)
    {
        /// <summary>BigDL's all-reduce traffic per worker and iteration: 2·P·(N−1)/N floats of 4 bytes.</summary>
        public double TheoryBytesPerWorker => 2.0 * Parameters * (Ranks - 1) / Ranks * sizeof(float);

        /// <summary>The local cluster's loopback bytes per worker and iteration in the timed window, or null without the counters.</summary>
        public double? MeasuredBytesPerWorker => Rows[^1].Result is { LoopbackBytes: { } bytes } r ? (double)bytes / r.Iterations / Ranks : null;
    }

    /// <summary>Runs the three configurations of <paramref name="c"/>: <paramref name="warmup"/> untimed iterations, then <paramref name="iterations"/> timed ones; the distributed ones with <paramref name="compression"/> on the wire.</summary>
    public static Result Run(ModelCase c, int warmup, int iterations, WireCompression compression)
    {
        // One epoch longer than the run: an epoch's end would end the cluster's segment (and restart its workers).
        int batches = warmup + iterations + 1;
        long parameters = Model(c).GetParameters().Weights.NElement();

        Engine.SetCoreNumber(LocalCores);
        // Untimed: compiles this process's training code to its optimised tiers before the first timed configuration.
        Configure(Optimizer.Create(Model(c), c.Data(batches), new ClassNLLCriterion<float>())).SetEndWhen(Trigger.MaxIteration(warmup)).Optimize();
        var local = TrainingProbe.Run(Configure(Optimizer.Create(Model(c), c.Data(batches), new ClassNLLCriterion<float>())), warmup, iterations);

        Engine.SetCoreNumber(1);
        var ranks = TrainingProbe.Run(Configure(DistributedOptimizer.InProcess(Model(c), c.Data(batches), new ClassNLLCriterion<float>(), Ranks, coresPerRank: 1, compression)),
            warmup, iterations);

        Engine.SetCoreNumber(LocalCores);
        RunResult Cluster(bool sharedMemory) => TrainingProbe.Run(Configure(DistributedOptimizer
            .LocalCluster(Model(c), c.Data(batches), new ClassNLLCriterion<float>(), Ranks, coresPerWorker: 1, compression)
            .SetIterationsPerSegment(warmup + iterations).SetPlacement(new WorkerPlacement(Ranks, sharedMemory: sharedMemory))), warmup, iterations);
        var shared = Cluster(sharedMemory: true);
        var sockets = Cluster(sharedMemory: false);

        return new Result(c, parameters, warmup,
        [
            new Row($"local, 1 process × {LocalCores} cores", local),
            new Row($"in-process, {Ranks} ranks × 1 core", ranks),
            new Row($"local cluster, {Ranks} worker processes × 1 core, shared memory", shared),
            new Row($"local cluster, {Ranks} worker processes × 1 core, sockets", sockets),
        ]);
    }

    /// <summary>Prints the throughput table and the wire table of <paramref name="results"/>.</summary>
    public static void Print(IReadOnlyList<Result> results)
    {
        Console.WriteLine("## Training throughput, images/s (steady state)");
        Console.WriteLine();
        Console.WriteLine("| model | batch | iterations (warm-up + timed) | configuration | images/s | ratio to local | s/iteration | Optimize() → end of 1st iteration (s) | of which start-up (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            double baseline = result.Rows[0].Result.ImagesPerSecond;
            foreach (var (configuration, r) in result.Rows)
                Console.WriteLine($"| {result.Case.Name} | {result.Case.Batch} | {result.Warmup} + {r.Iterations} | {configuration} | {r.ImagesPerSecond:N1} | {r.ImagesPerSecond / baseline:F2} | {r.SecondsPerIteration:F4} | {r.SecondsToFirstIteration:F2} | {r.SecondsToFirstIteration - r.SecondsPerIteration:F2} |");
        }
        Console.WriteLine();
        Console.WriteLine("Timed: the iterations after the warm-up ones, from the end of the last warm-up iteration to the end of the last iteration");
        Console.WriteLine("(IterationCompleted events). Start-up: the time to the end of the first iteration less one steady iteration — for the");
        Console.WriteLine("local cluster, starting the worker processes, handing them the job spec and their first iteration (JIT included), paid");
        Console.WriteLine("once a run (the same workers train every segment) and again by a retry.");
        Console.WriteLine();
        Console.WriteLine($"## Bytes on the wire per worker and iteration, local cluster ({Ranks} workers, slices on the sockets)");
        Console.WriteLine();
        Console.WriteLine("| model | P (parameters) | theory 2·P·(N−1)/N·4 | measured (loopback-wide) | measured / theory |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var result in results)
        {
            string measured = result.MeasuredBytesPerWorker is { } bytes ? $"{bytes / 1e6:F3} MB | {bytes / result.TheoryBytesPerWorker:F3}" : "(no /proc/net/dev) | –";
            Console.WriteLine($"| {result.Case.Name} | {result.Parameters:N0} | {result.TheoryBytesPerWorker / 1e6:F3} MB | {measured} |");
        }
        Console.WriteLine();
        Console.WriteLine("Measured: bytes transmitted on the loopback interface lo (/proc/net/dev) during the timed window, divided by its");
        Console.WriteLine($"iterations and by the {Ranks} workers. It is loopback-wide: TCP/IP headers and acknowledgements, the workers' progress");
        Console.WriteLine("reports to the driver, and any other program's loopback traffic in that window are included. The mini-batch shares");
        Console.WriteLine("reach the workers through their stdin pipes and are not counted.");
    }

    /// <summary>The model of <paramref name="c"/> from the same seed every time, so every configuration starts from the same weights.</summary>
    private static Module<float> Model(ModelCase c)
    {
        RandomGenerator.Default.SetSeed(1);
        return c.Create();
    }

    private static Optimizer<float> Configure(Optimizer<float> optimizer) => optimizer.SetOptimMethod(new SGD<float>(learningRate: 0.01));
}
