using System.Globalization;
using BigDL;
using BigDL.Benchmarks.Nn;
using BigDL.Native;
using TorchSharp;

// Usage: ./build.sh bench-nn [layers] [models] [--threads 2] [--models lenet,vgg] [--peak 220]
// Per layer: forward (evaluate mode) and forward+backward (training mode) time, ours and TorchSharp's (the fastest
// of LayerBenchmark.Rounds alternating rounds of medians),
// same shapes, same thread count, in this one process; the ratio is ours / TorchSharp (below 1: we are faster).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int threads = int.Parse(Option("--threads") ?? "2", CultureInfo.InvariantCulture);
var models = (Option("--models") ?? "lenet,vgg").Split(',');
var suites = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToHashSet();
bool all = suites.Count == 0;
// The machine's FMA peak for the GFLOP/s comparison (shared/peers/blas/fmapeak.c on 2 cores of this machine: 220).
double peak = double.Parse(Option("--peak") ?? "220", CultureInfo.InvariantCulture);
Engine.SetCoreNumber(threads);
torch.set_num_threads(threads);

Console.WriteLine($"# Layer benchmark: BigDL for .NET vs TorchSharp {typeof(torch).Assembly.GetName().Version} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"command: ./build.sh bench-nn {string.Join(' ', args)}");
Console.WriteLine($"threads: ours {Engine.CoreNumber}, torch {torch.get_num_threads()}; our BLAS: {Blas.Current.Name}; float32; times in ms (best of {LayerBenchmark.Rounds} alternating rounds of medians)");
Console.WriteLine();
if (all || suites.Contains("layers"))
{
    Console.WriteLine("| model | layer | input | fwd ours | fwd torch | ratio | fwd+bwd ours | fwd+bwd torch | ratio |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    var cases = new List<LayerCase>();
    if (models.Contains("lenet")) cases.AddRange(LayerCases.LeNet());
    if (models.Contains("vgg")) cases.AddRange(LayerCases.Vgg());
    double worst = 0;
    foreach (var layerCase in cases)
    {
        var r = LayerBenchmark.Run(layerCase);
        double forwardRatio = r.OursForward / r.TheirsForward, trainingRatio = r.OursTraining / r.TheirsTraining;
        worst = Math.Max(worst, Math.Max(forwardRatio, trainingRatio));
        Console.WriteLine($"| {layerCase.Model} | {layerCase.Name} | {string.Join('x', layerCase.Input)} | {r.OursForward:F3} | {r.TheirsForward:F3} | {forwardRatio:F2} | {r.OursTraining:F3} | {r.TheirsTraining:F3} | {trainingRatio:F2} |");
    }
    Console.WriteLine();
    Console.WriteLine($"worst ratio (ours / torch): {worst:F2}");
    Console.WriteLine();
}
if (all || suites.Contains("models"))
{
    Console.WriteLine($"Whole models, images/s (ours trains through Optimizer.Optimize(); ratio = ours / torch, above 1 we are faster; GFLOP/s against the {peak} GFLOP/s FMA peak)");
    Console.WriteLine();
    Console.WriteLine("| model | batch | train ours | train torch | ratio | ours GFLOP/s (% peak) | infer ours | infer torch | ratio |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var modelCase in ModelBenchmark.Cases(models))
    {
        var r = ModelBenchmark.Run(modelCase);
        double gflops = r.OursTrain * modelCase.TrainFlopsPerImage / 1e9;
        Console.WriteLine($"| {modelCase.Name} | {modelCase.Batch} | {r.OursTrain:N0} | {r.TheirsTrain:N0} | {r.OursTrain / r.TheirsTrain:F2} | {gflops:F1} ({gflops / peak:P0}) | {r.OursInfer:N0} | {r.TheirsInfer:N0} | {r.OursInfer / r.TheirsInfer:F2} |");
    }
}
return 0;

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
