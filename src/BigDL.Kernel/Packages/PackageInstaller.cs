using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol.Core.Types;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Puts packages into the global packages folder in NuGet's own layout (<c>id/version/</c> with the .nupkg, its hash,
/// the .nuspec and <c>.nupkg.metadata</c>), so a later <c>dotnet restore</c> finds them there.
/// </summary>
internal sealed class PackageInstaller
{
    private readonly VersionFolderPathResolver _layout;
    private readonly PackageExtractionContext _extraction;
    private readonly SourceCacheContext _cache;

    public PackageInstaller(string globalPackagesFolder, ISettings settings, SourceCacheContext cache)
    {
        _layout = new VersionFolderPathResolver(globalPackagesFolder);
        _extraction = new PackageExtractionContext(
            PackageSaveMode.Defaultv3, XmlDocFileSaveMode.None, ClientPolicyContext.GetClientPolicy(settings, NullLogger.Instance), NullLogger.Instance);
        _cache = cache;
    }

    /// <summary>The package's folder, downloaded and extracted first if it is not there yet.</summary>
    public async Task<string> InstallAsync(SourcePackageDependencyInfo package, CancellationToken cancellation)
    {
        if (!File.Exists(_layout.GetNupkgMetadataPath(package.Id, package.Version)))
        {
            await DownloadAsync(package, cancellation).ConfigureAwait(false);
        }

        return _layout.GetInstallPath(package.Id, package.Version);
    }

    private async Task DownloadAsync(SourcePackageDependencyInfo package, CancellationToken cancellation)
    {
        var identity = new PackageIdentity(package.Id, package.Version);
        var repository = package.Source ?? throw new InvalidOperationException($"Package {identity} has no source to download it from.");
        var source = repository.PackageSource.Source;
        try
        {
            var finder = await repository.GetResourceAsync<FindPackageByIdResource>(cancellation).ConfigureAwait(false)
                ?? throw new PackageResolutionException($"Package source '{source}' is not a NuGet feed or folder.");
            using var downloader = await finder.GetPackageDownloaderAsync(identity, _cache, NullLogger.Instance, cancellation).ConfigureAwait(false)
                ?? throw new PackageResolutionException($"Package source '{source}' listed {identity} but does not serve it.");
            await PackageExtractor.InstallFromSourceAsync(identity, downloader, _layout, _extraction, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not PackageResolutionException)
        {
            throw new PackageResolutionException($"Package {identity} could not be downloaded from '{source}': {e.Message}", e);
        }
    }
}
