using System.Text.Json;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Install;

/// <summary>The content of a kernelspec's <c>kernel.json</c>.</summary>
/// <param name="Argv">The command Jupyter runs, with <c>{connection_file}</c> where the connection file goes.</param>
/// <param name="DisplayName">The name front ends show.</param>
/// <param name="Language">The language (the same as the kernel's <c>language_info.name</c>).</param>
/// <param name="InterruptMode"><c>message</c>: interrupts arrive as <c>interrupt_request</c> on the control socket.</param>
/// <param name="Env">Environment variables set for the kernel.</param>
internal sealed record KernelSpec(
    IReadOnlyList<string> Argv,
    string DisplayName,
    string Language,
    string InterruptMode,
    IReadOnlyDictionary<string, string> Env)
{
    /// <summary>The variable holding the folders <c>#r "nuget:…"</c> restores from, joined by the path separator.</summary>
    public const string NuGetSourcesVariable = "BIGDL_NUGET_SOURCES";

    private static readonly JsonSerializerOptions JsonOptions = new(JupyterJson.Options) { WriteIndented = true };

    /// <summary>
    /// The spec running this kernel with the dotnet host running now (absolute paths, so no PATH is needed):
    /// <c>dotnet &lt;launch…&gt; {connection_file}</c> (e.g. <c>dotnet BigDL.Kernel.dll</c> or
    /// <c>dotnet BigDL.Cli.dll kernel</c>), with <c>DOTNET_ROOT</c> and, when given, the package folders.
    /// </summary>
    public static KernelSpec ForThisKernel(IReadOnlyList<string> launch, string displayName, IReadOnlyList<string> nugetSources)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(nugetSources);
        string host = DotnetHost();
        var env = new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.GetDirectoryName(host)! };
        if (nugetSources.Count > 0)
            env[NuGetSourcesVariable] = string.Join(Path.PathSeparator, nugetSources.Select(SourceFolder));
        return new KernelSpec([host, .. launch, "{connection_file}"], displayName, "C#", "message", env);
    }

    /// <summary>The <c>kernel.json</c> text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static string SourceFolder(string source)
    {
        string full = Path.GetFullPath(source);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"--nuget-source must be an existing folder, got '{source}' ({full} does not exist).");
        return full;
    }

    /// <summary>The dotnet executable running this process: the process itself under <c>dotnet BigDL.Kernel.dll</c>, or
    /// the one owning the runtime under the tool's app host (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>).</summary>
    private static string DotnetHost()
    {
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileName(process) == executable)
            return process;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", executable));
        if (!File.Exists(host))
            throw new InvalidOperationException($"Cannot find the dotnet host: the process is '{process}' and '{host}' does not exist.");
        return host;
    }
}
