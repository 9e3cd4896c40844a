using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// The framework assemblies a cell compiles against. Roslyn scripting's defaults reference almost nothing on .NET, so
/// the session names them: the running runtime's own assemblies (scripting needs the host's core library; against the
/// SDK's reference assemblies it finds no <c>System.Object</c>), documented from the SDK's reference pack when it is
/// installed, so <c>inspect</c> can show summaries.
/// </summary>
internal static class FrameworkReferences
{
    /// <summary>The namespaces every cell imports: the same set .NET Interactive's C# kernel starts with.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "Microsoft.DotNet.Interactive.Formatting",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    /// <summary>References to every framework assembly, plus the formatting library the kernel shares with cells (and
    /// its HTML content types).</summary>
    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var references = new List<MetadataReference>();
        string? referencePack = ReferencePackFolder();
        foreach (string path in RuntimeAssemblies())
        {
            string? xml = referencePack is null ? null : Path.Combine(referencePack, DocumentationName(path));
            references.Add(FromFile(path, xml));
        }
        references.Add(FromFile(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location));
        references.Add(FromFile(typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly.Location));
        references.Add(FromFile(typeof(FrameworkReferences).Assembly.Location));
        return references;
    }

    /// <summary>A reference with its XML documentation: <paramref name="xml"/>, else a <c>.xml</c> file next to the assembly.</summary>
    public static MetadataReference FromFile(string path, string? xml = null)
    {
        xml = xml is not null && File.Exists(xml) ? xml : Path.ChangeExtension(path, ".xml");
        var documentation = File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null;
        return MetadataReference.CreateFromFile(path, documentation: documentation);
    }

    /// <summary>The reference pack documents the core library's types under the name that exposes them.</summary>
    private static string DocumentationName(string runtimeAssembly) =>
        Path.GetFileName(runtimeAssembly) == "System.Private.CoreLib.dll" ? "System.Runtime.xml" : Path.ChangeExtension(Path.GetFileName(runtimeAssembly), ".xml");

    /// <summary><c>packs/Microsoft.NETCore.App.Ref/&lt;runtime version&gt;/ref/net&lt;major.minor&gt;</c> under the dotnet root, if present.</summary>
    private static string? ReferencePackFolder()
    {
        string runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var version = Environment.Version;
        // <root>/shared/Microsoft.NETCore.App/<version>
        string? root = Directory.GetParent(runtimeFolder)?.Parent?.Parent?.FullName;
        if (root is null) return null;
        string packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        string folder = Path.Combine(packs, Path.GetFileName(runtimeFolder), "ref", $"net{version.Major}.{version.Minor}");
        if (Directory.Exists(folder)) return folder;
        // Another patch level of the same major.minor has the same API.
        return Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs, $"{version.Major}.{version.Minor}.*")
                .Select(d => Path.Combine(d, "ref", $"net{version.Major}.{version.Minor}"))
                .Where(Directory.Exists).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static IEnumerable<string> RuntimeAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetDirectoryName(p) == RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
}
