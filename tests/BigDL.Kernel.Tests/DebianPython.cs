using System.Diagnostics;

namespace BigDL.Kernel.Tests;

/// <summary>Runs Debian's Python (<c>/usr/bin/python3</c>, which sees jupyter_client and jupyter_kernel_test) as an
/// independent oracle.</summary>
internal static class DebianPython
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="script"/> (a file, or code after <c>-c</c>) with <paramref name="arguments"/> and
    /// returns its standard output; throws with its standard error when it fails.</summary>
    public static string Run(IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Interpreter}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', start.ArgumentList)} did not finish in {Timeout}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Interpreter} exited with {process.ExitCode}:\n{error.Result}\n{output.Result}");
        return output.Result;
    }

    /// <summary>Runs Python code given inline.</summary>
    public static string Code(string code, string? input = null) => Run(["-c", code], input);
}
