using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using NuGet.Configuration;

namespace BigDL.Kernel.Packages;

/// <summary>
/// The way to packages with <c>runtimes/</c> assets: <c>dotnet restore</c> of a throw-away project for this machine's
/// framework and runtime identifier, referencing the packages at their exact versions, with a nuget.config that clears
/// every other source, then the assets the restore selected (<see cref="AssetsFile"/>). The assets file is kept in the
/// temporary folder under a hash of the project and the configuration, so the same packages from the same sources are
/// not restored again (in a later session too) while their folders are still there.
/// </summary>
internal static class RestoreFallback
{
    /// <summary>Where restored assets files are kept.</summary>
    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "bigdl-kernel-restore-cache");

    /// <summary>Restores <paramref name="packages"/> (id, exact version) from <paramref name="sources"/> into
    /// <paramref name="globalPackagesFolder"/>; the packages of the restore, in its order.</summary>
    public static async Task<IReadOnlyList<ResolvedPackage>> RestoreAsync(
        IEnumerable<(string Id, string Version)> packages, IReadOnlyList<PackageSource> sources, string globalPackagesFolder,
        CancellationToken cancellation)
    {
        var project = ProjectFile(packages.Order());
        var config = ConfigFile(sources, globalPackagesFolder);
        var cached = Path.Combine(CacheFolder, Hash(project, config) + ".assets.json");
        if (File.Exists(cached) && AssetsFile.Read(cached, MachineTarget.RuntimeIdentifier) is var known && known.All(p => Directory.Exists(p.RootFolder)))
        {
            return known;
        }

        await RestoreIntoAsync(cached, project, config, globalPackagesFolder, cancellation).ConfigureAwait(false);
        return AssetsFile.Read(cached, MachineTarget.RuntimeIdentifier);
    }

    /// <summary>Runs the restore in a throw-away folder and moves its assets file to <paramref name="assetsPath"/>.</summary>
    private static async Task RestoreIntoAsync(string assetsPath, XDocument project, XDocument config, string globalPackagesFolder, CancellationToken cancellation)
    {
        var folder = Directory.CreateTempSubdirectory("bigdl-kernel-restore-").FullName;
        try
        {
            var projectPath = Path.Combine(folder, "packages.csproj");
            var configPath = Path.Combine(folder, "nuget.config");
            project.Save(projectPath);
            config.Save(configPath);
            await RunAsync(folder, globalPackagesFolder, cancellation,
                "restore", projectPath, "--configfile", configPath, "--disable-build-servers", "-nologo", "-v", "quiet",
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false")
                .ConfigureAwait(false);
            Directory.CreateDirectory(CacheFolder);
            File.Move(Path.Combine(folder, "obj", "project.assets.json"), assetsPath, overwrite: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Hash(XDocument project, XDocument config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(project.ToString() + config.ToString())))[..32];

    private static XDocument ProjectFile(IEnumerable<(string Id, string Version)> packages) => new(
        new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", MachineTarget.Framework.GetShortFolderName()),
                new XElement("RuntimeIdentifier", MachineTarget.RuntimeIdentifier),
                new XElement("SelfContained", "false"),
                new XElement("UseAppHost", "false"),
                new XElement("ManagePackageVersionsCentrally", "false"),
                new XElement("NuGetAudit", "false")),
            new XElement("ItemGroup", packages.Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", $"[{p.Version}]"))))));

    private static XDocument ConfigFile(IReadOnlyList<PackageSource> sources, string globalPackagesFolder) => new(
        new XElement("configuration",
            new XElement("packageSources", new XElement("clear"),
                sources.Select((s, i) => new XElement("add", new XAttribute("key", $"source{i}"), new XAttribute("value", s.Source)))),
            new XElement("disabledPackageSources", new XElement("clear")),
            new XElement("packageSourceMapping", new XElement("clear")),
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", globalPackagesFolder)))));

    private static async Task RunAsync(string folder, string globalPackagesFolder, CancellationToken cancellation, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NUGET_PACKAGES"] = globalPackagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start) ?? throw new PackageResolutionException($"'{start.FileName} restore' could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        try
        {
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var text = (await output.ConfigureAwait(false) + await errors.ConfigureAwait(false)).Trim();
            throw new PackageResolutionException($"'dotnet restore' of the packages with native or runtime-specific assets failed (exit code {process.ExitCode}): {text}");
        }
    }

    /// <summary>The <c>dotnet</c> executable: the one the SDK names, the one running us, or the first on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var running = Environment.ProcessPath;
        return running is not null && Path.GetFileNameWithoutExtension(running) == "dotnet" ? running : "dotnet";
    }
}
