using NuGet.Frameworks;
using NuGet.Packaging;

namespace BigDL.Kernel.Packages;

/// <summary>
/// The assemblies of an extracted package for a framework: the nearest <c>lib/</c> group (<c>ref/</c> when no
/// <c>lib/</c> group fits), as <see cref="FrameworkReducer.GetNearest"/> picks it, without the assemblies the
/// shared framework already provides.
/// </summary>
internal static class PackageAssets
{
    /// <summary>Whether the package has <c>runtimes/</c> assets (native libraries, RID-specific assemblies), which only a
    /// restore for this machine's runtime identifier selects.</summary>
    public static bool HasRuntimeAssets(string packageRoot) => Directory.Exists(Path.Combine(packageRoot, "runtimes"));

    /// <summary>The package as the session uses it, read from its folder.</summary>
    public static ResolvedPackage Read(string id, string version, string packageRoot, NuGetFramework framework)
    {
        using var reader = new PackageFolderReader(packageRoot);
        var items = Nearest(reader.GetLibItems(), framework) ?? Nearest(reader.GetItems("ref"), framework) ?? [];
        var assemblies = items.Where(IsAssembly).Select(item => Path.GetFullPath(Path.Combine(packageRoot, item)));
        return new ResolvedPackage(id, version, packageRoot, WithoutFrameworkAssemblies(assemblies), []);
    }

    /// <summary>The paths whose assemblies no shared framework provides.</summary>
    public static IReadOnlyList<string> WithoutFrameworkAssemblies(IEnumerable<string> assemblyPaths) =>
        assemblyPaths.Where(path => !FrameworkAssemblies.Provides(path)).ToList();

    /// <summary>Whether a package-relative path is an assembly (not an XML doc, a symbol file or the <c>_._</c> marker).</summary>
    public static bool IsAssembly(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string>? Nearest(IEnumerable<FrameworkSpecificGroup> groups, NuGetFramework framework)
    {
        var list = groups.ToList();
        var nearest = new FrameworkReducer().GetNearest(framework, list.Select(g => g.TargetFramework));
        return nearest is null ? null : list.First(g => g.TargetFramework.Equals(nearest)).Items;
    }
}
