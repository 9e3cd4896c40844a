using NuGet.Common;
using NuGet.Configuration;
using NuGet.Frameworks;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Reads what the sources know of a package id: every version with its dependencies for the target framework, the
/// first source that has a version winning. A source that cannot be read is an error that names it.
/// </summary>
internal sealed class PackageFeeds
{
    private readonly IReadOnlyList<SourceRepository> _repositories;
    private readonly NuGetFramework _framework;
    private readonly SourceCacheContext _cache;

    public PackageFeeds(IReadOnlyList<PackageSource> sources, NuGetFramework framework, SourceCacheContext cache)
    {
        _repositories = sources.Select(s => Repository.Factory.GetCoreV3(s)).ToList();
        _framework = framework;
        _cache = cache;
    }

    /// <summary>The sources, in order.</summary>
    public IEnumerable<PackageSource> Sources => _repositories.Select(r => r.PackageSource);

    /// <summary>The sources, as written in messages.</summary>
    public string Describe() => _repositories.Count == 0
        ? "no package source (add one with #i \"nuget:<folder or URL>\", BIGDL_NUGET_SOURCES or a nuget.config)"
        : string.Join(", ", _repositories.Select(r => r.PackageSource.Source));

    /// <summary>Every version of <paramref name="id"/> in the sources, lowest first.</summary>
    public async Task<IReadOnlyList<SourcePackageDependencyInfo>> VersionsAsync(string id, CancellationToken cancellation)
    {
        var perSource = await Task.WhenAll(_repositories.Select(r => VersionsAsync(r, id, cancellation))).ConfigureAwait(false);
        return perSource.SelectMany(p => p)
            .DistinctBy(p => p.Version)
            .OrderBy(p => p.Version)
            .ToList();
    }

    private async Task<IEnumerable<SourcePackageDependencyInfo>> VersionsAsync(SourceRepository repository, string id, CancellationToken cancellation)
    {
        var source = repository.PackageSource;
        if (source.IsLocal && !Directory.Exists(source.Source))
        {
            throw new PackageResolutionException($"Package source '{source.Source}' cannot be read: the folder does not exist.");
        }

        try
        {
            var resource = await repository.GetResourceAsync<DependencyInfoResource>(cancellation).ConfigureAwait(false)
                ?? throw new PackageResolutionException($"Package source '{source.Source}' is not a NuGet feed or folder.");
            return await resource.ResolvePackages(id, _framework, _cache, NullLogger.Instance, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not PackageResolutionException)
        {
            throw new PackageResolutionException($"Package source '{source.Source}' cannot be read while looking for '{id}': {e.Message}", e);
        }
    }
}
