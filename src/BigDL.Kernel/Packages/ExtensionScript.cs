namespace BigDL.Kernel.Packages;

/// <summary>
/// A package's notebook extension script, where .NET Interactive looks for it:
/// <c>interactive-extensions/dotnet/extension.dib</c> in the package folder. After the package's assemblies are
/// referenced, its markdown cells are displayed and its C# cells run.
/// </summary>
public static class ExtensionScript
{
    /// <summary>The script's path inside a package.</summary>
    public const string PathInPackage = "interactive-extensions/dotnet/extension.dib";

    /// <summary>The script's full path in the package at <paramref name="packageRoot"/>, or null when it has none.</summary>
    public static string? Find(string packageRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageRoot);
        var path = Path.GetFullPath(Path.Combine(packageRoot, PathInPackage));
        return File.Exists(path) ? path : null;
    }

    /// <summary>The parsed script of the package at <paramref name="packageRoot"/>, or null when it has none.</summary>
    /// <exception cref="FormatException">The script's metadata is malformed.</exception>
    public static DibDocument? Load(string packageRoot) => Find(packageRoot) is { } path ? DibDocument.Parse(File.ReadAllText(path)) : null;
}
