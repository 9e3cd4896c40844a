using System.Diagnostics;

namespace BigDL.Benchmarks;

/// <summary>Builds the C baseline (benchmarks/native/gemm_bench.c) with the machine's C compiler.</summary>
internal static class NativeBaseline
{
    /// <summary>The path of the built executable, or null (with the reason on stderr) when it cannot be built.</summary>
    public static string? Build()
    {
        string? root = RepositoryRoot();
        if (root is null)
        {
            Console.Error.WriteLine("C baseline skipped: repository root (BigDL.slnx) not found");
            return null;
        }
        string source = Path.Combine(root, "benchmarks", "native", "gemm_bench.c");
        string output = Path.Combine(root, "artifacts", "bench", "gemm_bench");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        try
        {
            using var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O2", "-o", output, source, "-ldl"]) { RedirectStandardError = true })!;
            string error = gcc.StandardError.ReadToEnd();
            gcc.WaitForExit();
            if (gcc.ExitCode == 0) return output;
            Console.Error.WriteLine($"C baseline skipped: gcc failed: {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"C baseline skipped: gcc not available ({e.Message})");
        }
        return null;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BigDL.slnx"))) return dir.FullName;
        return null;
    }
}
