using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BigDL.Kernel.Tests.Scripting;

/// <summary>Small real assemblies compiled at test time.</summary>
internal static class TestAssemblies
{
    public static string Compile(string name, string source)
    {
        string folder = Path.Combine(Path.GetTempPath(), "bigdl-kernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".dll");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
