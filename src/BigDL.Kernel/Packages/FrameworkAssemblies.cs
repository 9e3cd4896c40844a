namespace BigDL.Kernel.Packages;

/// <summary>
/// The assemblies the running application already has: its trusted platform assemblies (the shared framework and the
/// application's own dependencies). The default load context always takes these, so a package's copy is left out.
/// </summary>
internal static class FrameworkAssemblies
{
    private static readonly HashSet<string> Names = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .ToHashSet(StringComparer.OrdinalIgnoreCase)!;

    /// <summary>Whether the application already has an assembly named like the file at <paramref name="path"/>.</summary>
    public static bool Provides(string path) => Names.Contains(Path.GetFileNameWithoutExtension(path));
}
