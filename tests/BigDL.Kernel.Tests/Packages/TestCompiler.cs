using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BigDL.Kernel.Tests.Packages;

/// <summary>Compiles small real assemblies with Roslyn for the test packages.</summary>
internal static class TestCompiler
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>Compiles <paramref name="source"/> into <c>&lt;folder&gt;/&lt;assemblyName&gt;.dll</c>; returns its path.</summary>
    public static string Compile(string assemblyName, string source, string folder, params string[] references)
    {
        Directory.CreateDirectory(folder);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            Framework.Value.Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var path = Path.Combine(folder, assemblyName + ".dll");
        var result = compilation.Emit(path);
        return result.Success
            ? path
            : throw new InvalidOperationException($"Test assembly {assemblyName} does not compile: {string.Join("; ", result.Diagnostics)}");
    }
}
