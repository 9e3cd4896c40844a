using System.Runtime.InteropServices;

namespace BigDL.Kernel.Packages;

/// <summary>
/// The assemblies the shared frameworks of the running application provide: its trusted platform assemblies that live
/// under the runtime's <c>shared/</c> folder. The session references the framework anyway and the default load context
/// always takes these, so a package's copy is left out. The application's own dependencies (the kernel's copy of
/// Newtonsoft.Json, say) are not framework: a package's copy of those is still reported.
/// </summary>
internal static class FrameworkAssemblies
{
    private static readonly HashSet<string> Names = Provided();

    /// <summary>Whether a shared framework already has an assembly named like the file at <paramref name="path"/>.</summary>
    public static bool Provides(string path) => Names.Contains(Path.GetFileNameWithoutExtension(path));

    private static HashSet<string> Provided()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ holds the core framework; its siblings the others.
        var shared = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..")) + Path.DirectorySeparatorChar;
        return ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.StartsWith(shared, StringComparison.Ordinal))
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
