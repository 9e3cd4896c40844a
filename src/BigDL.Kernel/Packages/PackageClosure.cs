using NuGet.Common;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol.Core.Types;
using NuGet.Resolver;
using NuGet.Versioning;
using NuGetPackageResolver = NuGet.Resolver.PackageResolver;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Picks the version of each requested package, gathers the dependency graph from the sources and resolves the closure
/// as NuGet does. Like restore, it reads the .nuspec of one version per dependency range, the lowest that the range
/// allows; NuGet's resolver then takes a consistent set (where ranges of one id differ, the highest of their lowest
/// versions). Packages already loaded in the session, and the requested ones once picked, are pinned to their version.
/// </summary>
internal sealed class PackageClosure
{
    private readonly PackageFeeds _feeds;
    private readonly Dictionary<string, SourcePackageDependencyInfo> _pinned;
    private readonly Dictionary<string, IReadOnlyList<PackageVersion>> _versions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<PackageIdentity, SourcePackageDependencyInfo> _admitted = new(PackageIdentityComparer.Default);

    private PackageClosure(PackageFeeds feeds, IEnumerable<SourcePackageDependencyInfo> loaded)
    {
        _feeds = feeds;
        _pinned = loaded.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The packages to add for <paramref name="requests"/>, dependencies before their dependents, without those
    /// of <paramref name="loaded"/> (the session's packages).</summary>
    public static async Task<IReadOnlyList<SourcePackageDependencyInfo>> ResolveAsync(
        PackageFeeds feeds, IReadOnlyList<PackageRequest> requests, IEnumerable<SourcePackageDependencyInfo> loaded, CancellationToken cancellation)
    {
        var closure = new PackageClosure(feeds, loaded);
        var loadedIds = closure._pinned.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roots = await Task.WhenAll(requests.Select(r => closure.PickAsync(r, cancellation))).ConfigureAwait(false);
        foreach (var root in roots)
        {
            closure._pinned[root.Id] = root;
        }

        await closure.GatherAsync(roots, cancellation).ConfigureAwait(false);
        return closure.Solve(requests, roots).Where(p => !loadedIds.Contains(p.Id)).ToList();
    }

    private async Task<SourcePackageDependencyInfo> PickAsync(PackageRequest request, CancellationToken cancellation)
    {
        var versions = await _feeds.VersionsAsync(request.Id, cancellation).ConfigureAwait(false);
        var picked = request.Spec.Select(versions.Select(v => v.Version));
        if (picked is not null)
        {
            return await _feeds.DependencyInfoAsync(request.Id, versions.First(v => v.Version == picked), cancellation).ConfigureAwait(false);
        }

        var known = versions.Count == 0
            ? "None of them has the package."
            : $"Versions there: {string.Join(", ", versions.Select(v => v.Version.ToNormalizedString()))}.";
        throw new PackageResolutionException(
            $"Package '{request.Id}' at {request.Spec} was not found ({request.Directive}). Sources tried: {_feeds.Describe()}. {known}");
    }

    /// <summary>Admits the roots, then level by level the pinned version or the lowest allowed version of every
    /// dependency of an admitted package, until no new package comes in.</summary>
    private async Task GatherAsync(IEnumerable<SourcePackageDependencyInfo> roots, CancellationToken cancellation)
    {
        var wanted = new List<PackageDependency>();
        foreach (var root in roots)
        {
            Admit(root, wanted);
        }

        while (wanted.Count > 0)
        {
            var unlisted = wanted.Select(d => d.Id).Where(id => !_pinned.ContainsKey(id) && !_versions.ContainsKey(id))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var versions = await Task.WhenAll(unlisted.Select(id => _feeds.VersionsAsync(id, cancellation))).ConfigureAwait(false);
            for (var i = 0; i < unlisted.Count; i++)
            {
                _versions[unlisted[i]] = versions[i];
            }

            var lowest = wanted.Where(d => !_pinned.ContainsKey(d.Id))
                .Select(d => (d.Id, Version: _versions[d.Id].FirstOrDefault(v => d.VersionRange.Satisfies(v.Version))))
                .Where(d => d.Version is not null && !_admitted.ContainsKey(new PackageIdentity(d.Id, d.Version.Version)))
                .DistinctBy(d => new PackageIdentity(d.Id, d.Version!.Version), PackageIdentityComparer.Default)
                .ToList();
            var read = await Task.WhenAll(lowest.Select(d => _feeds.DependencyInfoAsync(d.Id, d.Version!, cancellation))).ConfigureAwait(false);
            var pinned = wanted.Where(d => _pinned.ContainsKey(d.Id)).Select(d => _pinned[d.Id]);
            wanted = [];
            foreach (var package in pinned.Concat(read))
            {
                Admit(package, wanted);
            }
        }
    }

    private void Admit(SourcePackageDependencyInfo package, List<PackageDependency> wanted)
    {
        if (_admitted.TryAdd(new PackageIdentity(package.Id, package.Version), package))
        {
            wanted.AddRange(package.Dependencies);
        }
    }

    private IEnumerable<SourcePackageDependencyInfo> Solve(IReadOnlyList<PackageRequest> requests, SourcePackageDependencyInfo[] roots)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var context = new PackageResolverContext(
            DependencyBehavior.Lowest, ids, ids, [], _pinned.Values.Select(p => new PackageIdentity(p.Id, p.Version)), _admitted.Values,
            _feeds.Sources, NullLogger.Instance);
        try
        {
            var solution = new NuGetPackageResolver().Resolve(context, CancellationToken.None);
            return solution.Select(identity => _admitted[identity]);
        }
        catch (NuGetResolverException e)
        {
            var picked = string.Join(", ", roots.Select(r => $"{r.Id} {r.Version.ToNormalizedString()}"));
            throw new PackageResolutionException(
                $"The dependencies of {picked} cannot be resolved: {e.Message} Sources tried: {_feeds.Describe()}.", e);
        }
    }
}
