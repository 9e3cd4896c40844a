using NuGet.Common;
using NuGet.Configuration;
using NuGet.Frameworks;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Reads the sources the way <c>dotnet restore</c> does (<see cref="FindPackageByIdResource"/>): the versions of an id
/// from every source (the first source that has a version serves it), and one version's dependencies for the target
/// framework from its .nuspec. A source that cannot be read is an error that names it.
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

    /// <summary>Every version of <paramref name="id"/> in the sources, lowest first, each with the first source that has it.</summary>
    public async Task<IReadOnlyList<PackageVersion>> VersionsAsync(string id, CancellationToken cancellation)
    {
        var perSource = await Task.WhenAll(_repositories.Select(r => VersionsAsync(r, id, cancellation))).ConfigureAwait(false);
        return perSource.SelectMany(p => p).DistinctBy(p => p.Version).OrderBy(p => p.Version).ToList();
    }

    /// <summary>The package at <paramref name="version"/> with its dependencies for the target framework (the nearest
    /// dependency group of its .nuspec).</summary>
    public async Task<SourcePackageDependencyInfo> DependencyInfoAsync(string id, PackageVersion version, CancellationToken cancellation)
    {
        var source = version.Source;
        var info = await ReadAsync(source, id, (finder, c) => finder.GetDependencyInfoAsync(id, version.Version, _cache, NullLogger.Instance, c), cancellation)
            .ConfigureAwait(false)
            ?? throw new PackageResolutionException($"Package source '{source.PackageSource.Source}' lists {id} {version.Version} but does not serve its .nuspec.");
        var group = NuGetFrameworkUtility.GetNearest(info.DependencyGroups, _framework, g => g.TargetFramework);
        return new SourcePackageDependencyInfo(info.PackageIdentity, group?.Packages ?? [], listed: true, source, downloadUri: null, packageHash: null);
    }

    private async Task<IEnumerable<PackageVersion>> VersionsAsync(SourceRepository repository, string id, CancellationToken cancellation)
    {
        var versions = await ReadAsync(repository, id, (finder, c) => finder.GetAllVersionsAsync(id, _cache, NullLogger.Instance, c), cancellation)
            .ConfigureAwait(false);
        return versions.Select(v => new PackageVersion(v, repository));
    }

    private static async Task<T> ReadAsync<T>(
        SourceRepository repository, string id, Func<FindPackageByIdResource, CancellationToken, Task<T>> read, CancellationToken cancellation)
    {
        var source = repository.PackageSource;
        if (source.IsLocal && !Directory.Exists(source.Source))
        {
            throw new PackageResolutionException($"Package source '{source.Source}' cannot be read: the folder does not exist.");
        }

        try
        {
            var finder = await repository.GetResourceAsync<FindPackageByIdResource>(cancellation).ConfigureAwait(false)
                ?? throw new PackageResolutionException($"Package source '{source.Source}' is not a NuGet feed or folder.");
            return await read(finder, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not PackageResolutionException)
        {
            throw new PackageResolutionException($"Package source '{source.Source}' cannot be read while looking for '{id}': {e.Message}", e);
        }
    }
}
