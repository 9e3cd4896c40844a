using NuGet.Configuration;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Resolves the packages of a session's <c>#r "nuget:…"</c> directives in process with NuGet's libraries: picks the
/// requested versions, resolves the dependency closure (the lowest applicable version of each dependency, as NuGet
/// does), extracts what is missing into the global packages folder and selects the assemblies for this framework.
/// A closure with <c>runtimes/</c> assets (native libraries, RID-specific assemblies) is restored with
/// <c>dotnet restore</c> for this machine's runtime identifier instead. A package is resolved once per session: asking
/// again for a version the loaded one satisfies does nothing, asking for another is an error.
/// </summary>
/// <remarks>Sources, in order: those added with <see cref="AddSource"/> (<c>#i</c>), the <c>BIGDL_NUGET_SOURCES</c>
/// variable (separated by the OS path separator), the enabled sources of the NuGet configuration found from the
/// configuration root (<c>&lt;clear/&gt;</c> honoured). The global packages folder is the configuration's
/// (<c>NUGET_PACKAGES</c> wins). Calls are serialized.</remarks>
public sealed class PackageResolver
{
    private readonly ISettings _settings;
    private readonly List<string> _sessionSources = [];
    private readonly Dictionary<string, (ResolvedPackage Package, SourcePackageDependencyInfo Info)> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A resolver reading the NuGet configuration from <paramref name="configurationRoot"/> upwards (plus the
    /// user's and the machine's), by default the current directory.</summary>
    public PackageResolver(string? configurationRoot = null)
    {
        _settings = Settings.LoadDefaultSettings(configurationRoot ?? Directory.GetCurrentDirectory());
        GlobalPackagesFolder = SettingsUtility.GetGlobalPackagesFolder(_settings);
    }

    /// <summary>Where packages are extracted (<c>NUGET_PACKAGES</c> or the configuration's <c>globalPackagesFolder</c>).</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>The sources a resolution would use now, in order.</summary>
    public IReadOnlyList<string> Sources => PackageSources().Select(s => s.Source).ToList();

    /// <summary>Every package resolved in this session so far, in the order they were added.</summary>
    public IReadOnlyList<ResolvedPackage> Loaded => _loaded.Values.Select(e => e.Package).ToList();

    /// <summary>Adds a package source (a folder or a feed URL) ahead of the configured ones (<c>#i "nuget:…"</c>).</summary>
    public void AddSource(string source)
    {
        var normalized = PackageSourceList.Normalize(source);
        if (!_sessionSources.Contains(normalized, StringComparer.Ordinal))
        {
            _sessionSources.Add(normalized);
        }
    }

    /// <summary>
    /// Resolves <paramref name="requests"/> and their dependencies; returns the packages newly added to the session,
    /// dependencies before their dependents (an empty list when the session already has everything asked for).
    /// </summary>
    /// <exception cref="PackageResolutionException">A package or version is not found (the message names the id, the
    /// version and every source tried), a source cannot be read, the dependencies conflict, a request conflicts with a
    /// version already loaded, or the restore fails.</exception>
    public async Task<IReadOnlyList<ResolvedPackage>> ResolveAsync(IEnumerable<PackageRequest> requests, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var pending = Pending(requests.ToList());
            return pending.Count == 0 ? [] : await ResolveNewAsync(pending, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The requests the session does not answer yet; a conflict with a loaded package or between two requests
    /// for one id is an error.</summary>
    private List<PackageRequest> Pending(List<PackageRequest> requests)
    {
        var twice = requests.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Select(r => r.Version).Distinct().Count() > 1);
        if (twice is not null)
        {
            throw new PackageResolutionException(
                $"Package '{twice.Key}' is asked for with different versions in one cell: {string.Join(" and ", twice.Select(r => r.Directive))}.");
        }

        var pending = new List<PackageRequest>();
        foreach (var request in requests.DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase))
        {
            if (!_loaded.TryGetValue(request.Id, out var loaded))
            {
                pending.Add(request);
            }
            else if (!request.Spec.AcceptsLoaded(NuGetVersion.Parse(loaded.Package.Version)))
            {
                throw new PackageResolutionException(
                    $"Package '{loaded.Package.Id}' {loaded.Package.Version} is already loaded in this session; {request.Directive} asks for " +
                    $"{request.Spec}. A session holds one version of a package: restart the kernel to change it.");
            }
        }

        return pending;
    }

    private async Task<IReadOnlyList<ResolvedPackage>> ResolveNewAsync(List<PackageRequest> requests, CancellationToken cancellation)
    {
        var sources = PackageSources();
        using var cache = new SourceCacheContext();
        var feeds = new PackageFeeds(sources, MachineTarget.Framework, cache);
        var closure = await PackageClosure.ResolveAsync(feeds, requests, _loaded.Values.Select(e => e.Info), cancellation).ConfigureAwait(false);
        var installer = new PackageInstaller(GlobalPackagesFolder, _settings, cache);
        var roots = await Task.WhenAll(closure.Select(p => installer.InstallAsync(p, cancellation))).ConfigureAwait(false);

        var added = roots.Any(PackageAssets.HasRuntimeAssets)
            ? await RestoreAsync(closure, sources, cancellation).ConfigureAwait(false)
            : closure.Select((p, i) => PackageAssets.Read(p.Id, p.Version.ToNormalizedString(), roots[i], MachineTarget.Framework)).ToList();
        Remember(added, closure);
        return added;
    }

    /// <summary>The closure through <c>dotnet restore</c>, with the session's packages pinned too so the restore picks the
    /// same versions; only the packages the session does not have yet come back.</summary>
    private async Task<IReadOnlyList<ResolvedPackage>> RestoreAsync(
        IReadOnlyList<SourcePackageDependencyInfo> closure, IReadOnlyList<PackageSource> sources, CancellationToken cancellation)
    {
        var pins = closure.Concat(_loaded.Values.Select(e => e.Info)).Select(p => (p.Id, p.Version.ToNormalizedString()));
        var restored = await RestoreFallback.RestoreAsync(pins, sources, GlobalPackagesFolder, cancellation).ConfigureAwait(false);
        var order = closure.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.OrdinalIgnoreCase);
        return restored.Where(p => !_loaded.ContainsKey(p.Id)).OrderBy(p => order.GetValueOrDefault(p.Id, -1)).ToList();
    }

    private void Remember(IReadOnlyList<ResolvedPackage> added, IReadOnlyList<SourcePackageDependencyInfo> closure)
    {
        var infos = closure.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var package in added)
        {
            var info = infos.GetValueOrDefault(package.Id)
                ?? new SourcePackageDependencyInfo(package.Id, NuGetVersion.Parse(package.Version), [], listed: true, source: null);
            _loaded[package.Id] = (package, info);
        }
    }

    private IReadOnlyList<PackageSource> PackageSources() =>
        PackageSourceList.Combine(_sessionSources, Environment.GetEnvironmentVariable(PackageSourceList.EnvironmentVariable), _settings);
}
