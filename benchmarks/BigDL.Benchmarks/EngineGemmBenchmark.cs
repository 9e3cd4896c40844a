using BigDL.Native;

namespace BigDL.Benchmarks;

/// <summary>
/// SGEMM the way BigDL's layers call it: the provider single-threaded, parallelism from the Engine. Per provider,
/// shape and core number: one GEMM through <see cref="Blas.Gemm{T}"/> (split over the cores by the seam), and
/// "concurrent" — every core running its own single-threaded GEMM at once, as a layer that splits its batch or an
/// optimizer's model replicas do; that column is the total GFLOP/s of all cores and decides the default provider.
/// </summary>
internal static class EngineGemmBenchmark
{
    public static void Print(IReadOnlyList<(IBlas Blas, string? Library)> providers, int[] coreCounts)
    {
        Console.WriteLine("## SGEMM through the Engine, GFLOP/s (median): one split GEMM / all cores each running their own");
        Console.WriteLine();
        var shapes = GemmBenchmark.Shapes;
        Console.WriteLine("| provider | cores | " + string.Join(" | ", shapes.Select(s => s.Name)) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", shapes.Length)));
        int originalCores = Engine.CoreNumber;
        IBlas original = Blas.Current;
        try
        {
            foreach (var (blas, _) in providers)
            {
                Blas.Use(blas);
                foreach (int cores in coreCounts)
                {
                    Engine.SetCoreNumber(cores);
                    var cells = shapes.Select(s => $"{Split(s.M, s.N, s.K):F1} / {Concurrent(cores, s.M, s.N, s.K):F1}");
                    Console.WriteLine($"| {blas.Name} | {cores} | " + string.Join(" | ", cells) + " |");
                    Console.Error.Write('.');
                }
            }
        }
        finally
        {
            Blas.Use(original);
            Engine.SetCoreNumber(originalCores);
        }
        Console.Error.WriteLine();
        Console.WriteLine();
    }

    private static double Split(int m, int n, int k)
    {
        var (a, b, c) = Operands(m, n, k);
        double seconds = Timing.MedianSeconds(() => Blas.Gemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n));
        return 2.0 * m * n * k / seconds * 1e-9;
    }

    private static double Concurrent(int cores, int m, int n, int k)
    {
        var operands = Enumerable.Range(0, cores).Select(_ => Operands(m, n, k)).ToArray();
        double seconds = Timing.MedianSeconds(() => Engine.For(cores, w =>
        {
            var (a, b, c) = operands[w];
            Blas.Gemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
        }));
        return cores * 2.0 * m * n * k / seconds * 1e-9;
    }

    private static (float[] A, float[] B, float[] C) Operands(int m, int n, int k)
    {
        var a = new float[m * k];
        var b = new float[k * n];
        for (int i = 0; i < a.Length; i++) a[i] = (i % 17 - 8) / 8f;
        for (int i = 0; i < b.Length; i++) b[i] = (i % 13 - 6) / 6f;
        return (a, b, new float[m * n]);
    }
}
