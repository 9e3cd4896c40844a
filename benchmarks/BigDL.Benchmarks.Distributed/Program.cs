using System.Globalization;
using BigDL;
using BigDL.Benchmarks.Distributed;
using BigDL.Native;

// Usage: ./build.sh bench-dist [--models lenet,vgg] [--iterations N] [--warmup N] [--compression None|BFloat16|Float16|TruncatedFloat16]
// Training throughput (images/s) of LeNet-5 (batch 128) and VggForCifar10 (batch 64) on synthetic data of fixed seeds:
// local on 2 cores, 2 in-process ranks of 1 core, 2 worker processes of 1 core with slices through shared memory and
// with slices on their TCP links; ratios to local; the socket run's bytes on the wire per worker and iteration against
// BigDL's 2·P·(N−1)/N·4. --iterations and --warmup replace
// every model's default counts (LeNet-5: 300 warm-up, 200 timed; VggForCifar10: 4 warm-up, 15 timed).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var models = (Option("--models") ?? "lenet,vgg").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
int? iterations = Count("--iterations");
int? warmup = Count("--warmup");
var compression = Enum.Parse<BigDL.Distributed.WireCompression>(Option("--compression") ?? "None", ignoreCase: true);
var cases = ModelCase.Select(models).ToList();

Console.WriteLine($"# Distributed training benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
Console.WriteLine($"command: ./build.sh bench-dist {string.Join(' ', args)}");
Console.WriteLine($"BLAS: {Blas.Current.Name}; float32; SGD (learning rate 0.01); ClassNLLCriterion; synthetic normal images, random labels; wire compression {compression}");
Console.WriteLine();
var results = new List<DistributedBenchmark.Result>();
foreach (var c in cases)
{
    int w = warmup ?? c.Warmup, n = iterations ?? c.Iterations;
    Console.Error.WriteLine($"{c.Name}: {w} warm-up and {n} timed iterations per configuration");
    results.Add(DistributedBenchmark.Run(c, w, n, compression));
}
DistributedBenchmark.Print(results);
return 0;

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int? Count(string name)
{
    if (Option(name) is not { } text) return null;
    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        throw new ArgumentException($"expected {name} to be a whole number >= 1, got \"{text}\"", nameof(args));
    return value;
}
