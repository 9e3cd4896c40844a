using System.Text.Json;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Reads the packages of a restore's <c>obj/project.assets.json</c> for one runtime identifier: each package's folder,
/// its runtime assemblies (RID-specific ones included) and the folders of its native libraries.
/// </summary>
internal static class AssetsFile
{
    /// <summary>The packages of the <c>&lt;framework&gt;/&lt;runtimeIdentifier&gt;</c> target of the assets file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<ResolvedPackage> Read(string path, string runtimeIdentifier)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject()
            .FirstOrDefault(t => t.Name.EndsWith("/" + runtimeIdentifier, StringComparison.Ordinal));
        if (target.Value.ValueKind != JsonValueKind.Object)
        {
            throw new PackageResolutionException($"The restore wrote no target for runtime '{runtimeIdentifier}' into '{path}'.");
        }

        return target.Value.EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "package")
            .Select(p => Package(p, Path.Combine(packageFolder, libraries.GetProperty(p.Name).GetProperty("path").GetString()!)))
            .ToList();
    }

    private static ResolvedPackage Package(JsonProperty entry, string packageRoot)
    {
        var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
        var runtime = Assets(entry.Value, "runtime", packageRoot).Where(PackageAssets.IsAssembly);
        var native = Assets(entry.Value, "native", packageRoot).Where(p => !p.EndsWith("_._", StringComparison.Ordinal))
            .Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToList();
        return new ResolvedPackage(entry.Name[..slash], entry.Name[(slash + 1)..], Path.GetFullPath(packageRoot),
            PackageAssets.WithoutFrameworkAssemblies(runtime), native);
    }

    private static IEnumerable<string> Assets(JsonElement package, string kind, string packageRoot) =>
        package.TryGetProperty(kind, out var assets)
            ? assets.EnumerateObject().Select(a => Path.GetFullPath(Path.Combine(packageRoot, a.Name)))
            : [];
}
