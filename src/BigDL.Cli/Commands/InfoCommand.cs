using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BigDL.Native;
using BigDL.Tensors;

namespace BigDL.Cli.Commands;

/// <summary><c>bigdl info</c>: versions, CPU features, the Engine's cores and the BLAS providers found.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show versions, CPU features, the Engine's core number and the BLAS providers found and chosen.");
        command.SetAction(_ => Run(Console.Out, Console.Error));
        return command;
    }

    /// <summary>Writes the report; returns 1 (after the table) when the BLAS selection fails.</summary>
    public static int Run(TextWriter output, TextWriter error)
    {
        output.WriteLine($"BigDL       {BigDLVersion()}");
        output.WriteLine($".NET        {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
        output.WriteLine($"OS          {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        output.WriteLine($"CPU         {CpuModel()}{Environment.ProcessorCount} logical processors");
        output.WriteLine($"SIMD        Vector256 {YesNo(Vector256.IsHardwareAccelerated)}, Vector512 {YesNo(Vector512.IsHardwareAccelerated)}, " +
                         $"AVX2 {YesNo(Avx2.IsSupported)}, FMA {YesNo(Fma.IsSupported)}, AVX-512F {YesNo(Avx512F.IsSupported)}");
        output.WriteLine($"Engine      {Engine.CoreNumber} cores");
        output.WriteLine();

        string? requested = Environment.GetEnvironmentVariable(Blas.EnvironmentVariable);
        output.WriteLine($"BLAS providers (default order {string.Join(", ", Blas.DefaultOrder)}; " +
                         $"{Blas.EnvironmentVariable} {(string.IsNullOrWhiteSpace(requested) ? "not set" : "= " + requested)}):");
        IReadOnlyList<BlasProviderInfo> providers = Blas.Providers;
        int width = Math.Max(8, providers.Max(p => p.Name.Length));
        foreach (BlasProviderInfo provider in providers)
        {
            if (provider.IsPresent)
            {
                string from = provider.LibraryPath is null ? "" : $" [{provider.LibraryPath}]";
                output.WriteLine($"  {provider.Name.PadRight(width)}  present  {provider.Description}{from}");
            }
            else
            {
                output.WriteLine($"  {provider.Name.PadRight(width)}  absent   tried:");
                foreach (string attempt in provider.LoadAttempts)
                    output.WriteLine($"  {"".PadRight(width)}             {attempt}");
            }
        }
        output.WriteLine();

        try
        {
            IBlas current = Blas.Current;
            output.WriteLine($"Chosen      {current.Name} ({Blas.SelectionReason}); each call on one thread, the Engine spreads work over {Engine.CoreNumber} cores");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"bigdl info: no usable BLAS provider: {e.Message}");
            return 1;
        }
    }

    private static string BigDLVersion()
    {
        Assembly assembly = typeof(Tensor<>).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
               ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    private static string CpuModel()
    {
        // Linux names the CPU in /proc/cpuinfo; elsewhere only the count is shown.
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo"))
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and >= 0)
                        return line[(colon + 1)..].Trim() + ", ";
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return "";
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
