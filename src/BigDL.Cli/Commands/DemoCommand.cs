using System.CommandLine;
using System.Diagnostics;
using BigDL.Native;
using BigDL.Tensors;

namespace BigDL.Cli.Commands;

/// <summary><c>bigdl demo</c>: prints a small tensor and times a float GEMM on the chosen BLAS provider.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Matrix size n of the n×n float GEMM", DefaultValueFactory = _ => 1024 };
        var runs = new Option<int>("--runs") { Description = "Timed runs (the best is reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("demo", "Print a tensor, then time an n×n float GEMM through the chosen BLAS provider.") { size, runs };
        command.SetAction(result => Run(result.GetValue(size), result.GetValue(runs), Console.Out, Console.Error));
        return command;
    }

    public static int Run(int size, int runs, TextWriter output, TextWriter error)
    {
        if (size < 1 || runs < 1)
        {
            error.WriteLine($"bigdl demo: --size and --runs must be at least 1, got --size {size} --runs {runs}");
            return 2;
        }
        try
        {
            IBlas blas = Blas.Current; // first, so a bad BIGDL_BLAS fails before any output
            output.WriteLine("new Tensor<double>(2, 2).Fill(1.0):");
            output.WriteLine(new Tensor<double>(2, 2).Fill(1.0).ToString());
            output.WriteLine();
            output.WriteLine($"GEMM {size}x{size}x{size} float on {blas.Name}, split over {Engine.CoreNumber} cores ({Blas.SelectionReason})");
            TimeGemm(size, runs, output);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"bigdl demo: {e.Message}");
            return 1;
        }
    }

    private static void TimeGemm(int n, int runs, TextWriter output)
    {
        var random = new RandomGenerator(42);
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        for (int i = 0; i < a.Length; i++) a[i] = (float)random.Uniform(-1, 1);
        for (int i = 0; i < b.Length; i++) b[i] = (float)random.Uniform(-1, 1);

        Blas.Gemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n); // warm-up: thread pools, page faults
        double best = double.MaxValue;
        for (int run = 0; run < runs; run++)
        {
            long start = Stopwatch.GetTimestamp();
            Blas.Gemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        // One element recomputed in double, so a wrong result is never reported as a speed.
        double expected = 0, scale = 0;
        for (int p = 0; p < n; p++)
        {
            expected += (double)a[p] * b[p * n];
            scale += Math.Abs((double)a[p] * b[p * n]);
        }
        if (Math.Abs(c[0] - expected) > 1e-5 * n * Math.Max(scale, 1))
            throw new InvalidOperationException($"GEMM result check failed: C[0,0] = {c[0]}, expected {expected}");

        double gflops = 2.0 * n * n * n / best / 1e9;
        output.WriteLine($"best of {runs}: {best * 1e3:F2} ms, {gflops:F1} GFLOP/s (C[0,0] checked)");
    }
}
