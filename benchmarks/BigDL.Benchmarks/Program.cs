using System.Globalization;
using BigDL;
using BigDL.Benchmarks;
using BigDL.Native;

// Usage: dotnet run -c Release --project benchmarks/BigDL.Benchmarks -- [gemm] [engine] [elementwise] [allreduce] [--threads 1,2] [--providers mkl,openblas,managed]
//        [--params 1M,15M,138M] [--ranks 2,4]
// With no suite named, every suite runs except allreduce, which runs only when named (at 138M floats and 4 ranks it
// holds about 8 GB). Numbers go to stdout as Markdown tables.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var suites = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
                 .ToHashSet(StringComparer.OrdinalIgnoreCase);
int[] threads = Option(args, "--threads")?.Split(',').Select(int.Parse).ToArray() ?? [1, 2];
string[]? only = Option(args, "--providers")?.Split(',');
bool all = suites.Count == 0;

Console.WriteLine($"# BigDL for .NET benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
Console.WriteLine($"command: dotnet run -c Release --project benchmarks/BigDL.Benchmarks -- {string.Join(' ', args)}");
Console.WriteLine($"OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}, default provider: {Blas.Current.Name} ({Blas.SelectionReason})");
Console.WriteLine();

if (all || suites.Contains("gemm")) GemmReport.Print(GemmBenchmark.Run(Providers(only), threads, NativeBaseline.Build()), Blas.Current.Name);
if (all || suites.Contains("engine")) EngineGemmBenchmark.Print(Providers(only), threads);
if (all || suites.Contains("elementwise")) ElementwiseBenchmark.Print(threads);
if (suites.Contains("allreduce"))
    AllReduceBenchmark.Print(Option(args, "--params")?.Split(',').Select(Count).ToArray() ?? [1_000_000, 15_000_000, 138_000_000],
        Option(args, "--ranks")?.Split(',').Select(int.Parse).ToArray() ?? [2, 4]);
return 0;

// "15M" is 15,000,000; "2k" is 2,000.
static int Count(string text) => char.ToUpperInvariant(text[^1]) switch
{
    'M' => (int)(double.Parse(text[..^1]) * 1_000_000),
    'K' => (int)(double.Parse(text[..^1]) * 1_000),
    _ => int.Parse(text),
};

static List<(IBlas, string?)> Providers(string[]? only)
{
    var list = new List<(IBlas, string?)>();
    foreach (var info in Blas.Providers)
    {
        if (only is not null && !only.Contains(info.Name)) continue;
        if (info.IsPresent) list.Add((BlasProviderAccess.Of(info), info.LibraryPath));
        else Console.Error.WriteLine($"{info.Name} not present: {info.LoadFailure}");
    }
    return list;
}

static string? Option(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
