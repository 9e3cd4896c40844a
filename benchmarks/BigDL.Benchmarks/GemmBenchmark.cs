using System.Diagnostics;
using System.Globalization;
using BigDL.Native;

namespace BigDL.Benchmarks;

/// <summary>
/// SGEMM GFLOP/s per provider, shape and thread count through our seam, beside the same library called
/// from C (benchmarks/native/gemm_bench.c) in the same run: the ratio is the seam's cost.
/// </summary>
internal static class GemmBenchmark
{
    public static readonly (string Name, int M, int N, int K)[] Shapes =
    [
        ("256³", 256, 256, 256), ("512³", 512, 512, 512), ("1024³", 1024, 1024, 1024), ("2048³", 2048, 2048, 2048),
        ("conv 64×784×150", 64, 784, 150), ("conv 512×1024×4608", 512, 1024, 4608),
    ];

    public sealed record Row(string Provider, int Threads, string Shape, double Seam, double? C);

    public static List<Row> Run(IReadOnlyList<(IBlas Blas, string? Library)> providers, int[] threadCounts, string? cBaseline)
    {
        var rows = new List<Row>();
        foreach (var (blas, library) in providers)
        {
            foreach (int threads in threadCounts)
            {
                blas.Threads = threads;
                var c = library is not null && cBaseline is not null ? RunC(cBaseline, library, threads) : null;
                foreach (var (name, m, n, k) in Shapes)
                {
                    double seam = Measure(blas, m, n, k);
                    double? native = c is not null && c.TryGetValue((m, n, k), out var g) ? g : null;
                    rows.Add(new Row(blas.Name, threads, name, seam, native));
                    Console.Error.Write('.');
                }
            }
        }
        Console.Error.WriteLine();
        return rows;
    }

    public static double Measure(IBlas blas, int m, int n, int k)
    {
        var a = Fill(m * k, 17, 8f);
        var b = Fill(k * n, 13, 6f);
        var c = new float[m * n];
        double seconds = Timing.MedianSeconds(() => blas.Gemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n));
        return 2.0 * m * n * k / seconds * 1e-9;
    }

    private static float[] Fill(int length, int period, float scale)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (i % period - scale) / scale;
        return x;
    }

    /// <summary>Runs the C baseline for one library; null when it cannot run (reported, not fatal).</summary>
    private static Dictionary<(int, int, int), double>? RunC(string executable, string library, int threads)
    {
        var args = new List<string> { library, threads.ToString(CultureInfo.InvariantCulture) };
        foreach (var (_, m, n, k) in Shapes) args.AddRange([$"{m}", $"{n}", $"{k}"]);
        var info = new ProcessStartInfo(executable, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"C baseline for {library} failed: {error.Trim()}");
            return null;
        }
        var result = new Dictionary<(int, int, int), double>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            result[(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture))]
                = double.Parse(f[3], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
