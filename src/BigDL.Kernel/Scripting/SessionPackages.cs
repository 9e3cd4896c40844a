using BigDL.Kernel.Packages;
using Microsoft.CodeAnalysis;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// A session's NuGet packages: takes a cell's <c>#r "nuget:…"</c> and <c>#i "nuget:…"</c> lines out, resolves the
/// packages (and their dependencies) once per session, makes their native libraries loadable, and hands back the
/// assemblies to reference and the extension scripts (<c>interactive-extensions/dotnet/extension.dib</c>) to run.
/// </summary>
internal sealed class SessionPackages : IDisposable
{
    private readonly PackageResolver resolver;
    private readonly NativeLibraryResolver natives = new();

    /// <summary>Packages for a session working in <paramref name="workingDirectory"/>, where the NuGet configuration
    /// search starts.</summary>
    public SessionPackages(string workingDirectory) => resolver = new PackageResolver(workingDirectory);

    /// <summary>What a cell's directives brought in.</summary>
    /// <param name="Code">The cell without its directive lines (kept as empty lines).</param>
    /// <param name="Added">Packages new to the session, dependencies first.</param>
    /// <param name="References">Their assemblies, to compile against from now on.</param>
    /// <param name="Extensions">Their extension scripts, in load order.</param>
    public sealed record Loaded(string Code, IReadOnlyList<ResolvedPackage> Added, IReadOnlyList<MetadataReference> References,
        IReadOnlyList<(ResolvedPackage Package, DibDocument Script)> Extensions);

    /// <exception cref="PackageDirectiveException">A malformed directive.</exception>
    /// <exception cref="PackageResolutionException">A package that cannot be resolved.</exception>
    public Loaded Load(string code, CancellationToken cancellation)
    {
        var directives = PackageDirectives.Extract(code);
        foreach (string source in directives.Sources) resolver.AddSource(source);
        if (directives.References.Count == 0) return new Loaded(directives.Code, [], [], []);

        var added = resolver.ResolveAsync(directives.References, cancellation).GetAwaiter().GetResult();
        var references = new List<MetadataReference>();
        var extensions = new List<(ResolvedPackage, DibDocument)>();
        foreach (var package in added)
        {
            natives.Add(package);
            references.AddRange(package.RuntimeAssemblies.Select(path => FrameworkReferences.FromFile(path)));
            if (ExtensionScript.Load(package.RootFolder) is { } script) extensions.Add((package, script));
        }
        return new Loaded(directives.Code, added, references, extensions);
    }

    public void Dispose() => natives.Dispose();
}
