using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

public sealed class ExtensionScriptTests : IDisposable
{
    private readonly string _package = Directory.CreateTempSubdirectory("bigdl-extension-").FullName;

    public void Dispose() => Directory.Delete(_package, recursive: true);

    [Fact]
    public void Load_PackageWithScript_ParsesIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_package, "interactive-extensions", "dotnet")).FullName;
        File.WriteAllText(Path.Combine(folder, "extension.dib"), "#!markdown\nLoaded.\n#!csharp\nvar ready = true;\n");

        var script = ExtensionScript.Load(_package);

        Assert.Equal(Path.Combine(folder, "extension.dib"), ExtensionScript.Find(_package));
        Assert.NotNull(script);
        Assert.Equal([("markdown", "Loaded."), ("csharp", "var ready = true;")], script.Cells.Select(c => (c.Kernel, c.Text)));
    }

    [Fact]
    public void Load_PackageWithoutScript_IsNull()
    {
        Directory.CreateDirectory(Path.Combine(_package, "lib", "net8.0"));

        Assert.Null(ExtensionScript.Find(_package));
        Assert.Null(ExtensionScript.Load(_package));
    }
}
