using System.Diagnostics;
using System.Globalization;
using System.Net;
using BigDL.Distributed.Worker;

namespace BigDL.Distributed.Cluster;

/// <summary>
/// One worker OS process started by the local launcher: <c>dotnet exec bigdl-worker.dll --ctrl …</c> on this process's
/// runtime, the job's token in its environment, its stdin the data stream, the last lines of its stderr kept for error
/// messages. Disposing kills it (and anything it started) if it still runs.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                if (_stderr.Count > KeptLines) _stderr.Dequeue();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>The OS process id.</summary>
    public int Id => _process.Id;

    /// <summary>The stream the worker reads its data from (its stdin).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once ended (128 + signal for a killed process), else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the worker wrote to stderr.</summary>
    public string StandardErrorTail
    {
        get
        {
            lock (_stderr) return string.Join(Environment.NewLine, _stderr);
        }
    }

    /// <summary>
    /// Starts a worker that connects to the control server at <paramref name="control"/> with <paramref name="token"/>,
    /// run through <paramref name="prefix"/> when it is not empty (e.g. <c>ip netns exec NAME</c>: a command that
    /// execs the rest, so the worker keeps the process id the launcher sees).
    /// </summary>
    public static WorkerProcess Start(string workerAssembly, IPEndPoint control, ReadOnlySpan<byte> token, IReadOnlyList<string> prefix)
    {
        string[] command = [.. prefix, DotnetHost(), "exec", workerAssembly, "--ctrl", control.ToString()];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1)) start.ArgumentList.Add(argument);
        start.Environment[WorkerMain.TokenVariable] = Convert.ToHexString(token);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {string.Join(' ', command)}");
        return new WorkerProcess(process);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end; true when it has.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Kills the process and its children now (no effect when it has ended).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // it ended in between
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"worker process {_process.Id}");

    /// <summary>The <c>dotnet</c> host of the runtime this process runs on (the folder above <c>shared/Microsoft.NETCore.App/…</c>).</summary>
    private static string DotnetHost()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (File.Exists(host)) return host;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } given && File.Exists(given)
            ? given
            : throw new FileNotFoundException($"no dotnet host at {host} (the runtime's root) or in DOTNET_HOST_PATH to start workers with", host);
    }
}
