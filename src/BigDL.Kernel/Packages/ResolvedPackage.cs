namespace BigDL.Kernel.Packages;

/// <summary>A package resolved and extracted into the global packages folder, with what the session needs from it.</summary>
/// <param name="Id">The package id as the package spells it.</param>
/// <param name="Version">Its normalized version (e.g. <c>1.2.3</c>, <c>2.0.0-beta1</c>).</param>
/// <param name="RootFolder">The extracted package (<c>&lt;global packages&gt;/&lt;id&gt;/&lt;version&gt;</c>); its
/// extension script, if any, is found from here (<see cref="ExtensionScript.Load"/>).</param>
/// <param name="RuntimeAssemblies">Full paths of the assemblies to reference and load for this framework and machine;
/// assemblies a shared framework of the running application already provides are left out.</param>
/// <param name="NativeLibraryFolders">Full paths of the folders holding this machine's native libraries of the package.</param>
public sealed record ResolvedPackage(
    string Id,
    string Version,
    string RootFolder,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> NativeLibraryFolders)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Version}";
}
