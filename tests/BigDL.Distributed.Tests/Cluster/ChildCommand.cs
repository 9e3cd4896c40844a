using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>A command run as a child process to its end: its exit code and what it wrote, never through a shell.</summary>
internal sealed record ChildCommand(IReadOnlyList<string> Arguments, int ExitCode, string Output, string Error)
{
    /// <summary>How long a command may run before it is killed and reported as hung.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Whether the command exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Runs <paramref name="arguments"/> (the program first) and waits for it to end.</summary>
    /// <exception cref="Win32Exception">The program cannot be started (e.g. it is not installed).</exception>
    /// <exception cref="TimeoutException">It ran longer than the deadline (it is killed).</exception>
    public static ChildCommand Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments.Skip(1)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"'{string.Join(' ', arguments)}' did not end within {Deadline.TotalSeconds} s"));
        }
        return new ChildCommand(arguments, process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult().Trim());
    }

    /// <summary>Runs <paramref name="arguments"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">It exited with another code than 0; the message holds its stderr.</exception>
    public static string Check(params string[] arguments)
    {
        var run = Run(arguments);
        return run.Succeeded ? run.Output : throw new InvalidOperationException(run.Describe());
    }

    /// <summary>The command line, its exit code and its stderr, for an error message.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"'{string.Join(' ', Arguments)}' exited with code {ExitCode}: {Error}");
}
