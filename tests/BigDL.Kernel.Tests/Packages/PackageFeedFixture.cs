using System.Runtime.InteropServices;
using BigDL.Kernel.Packages;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace BigDL.Kernel.Tests.Packages;

/// <summary>
/// Real packages in temporary folder feeds, a temporary global packages folder (<c>NUGET_PACKAGES</c>) and a
/// nuget.config with <c>&lt;clear/&gt;</c> that names only the main feed, so nothing outside the test is read; the
/// restore path's kept assets files, the one thing written elsewhere, are deleted at the end.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    private readonly string? _previousPackagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES");

    /// <summary>Builds the feeds.</summary>
    public PackageFeedFixture()
    {
        Root = Directory.CreateTempSubdirectory("bigdl-packages-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        ExtraFeed = Directory.CreateDirectory(Path.Combine(Root, "extra-feed")).FullName;
        GlobalPackages = Path.Combine(Root, "global-packages");
        ConfigurationRoot = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        File.WriteAllText(Path.Combine(ConfigurationRoot, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", GlobalPackages);
        BuildPackages();
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>The feed the nuget.config names.</summary>
    public string Feed { get; }

    /// <summary>A feed only <c>#i</c> adds (holds Demo.Extra).</summary>
    public string ExtraFeed { get; }

    /// <summary>The global packages folder (<c>NUGET_PACKAGES</c>).</summary>
    public string GlobalPackages { get; }

    /// <summary>The folder with the nuget.config, given to the resolver as its configuration root.</summary>
    public string ConfigurationRoot { get; }

    /// <summary>This machine's runtime identifier, as the resolver computes it.</summary>
    public static string MachineRid => MachineTarget.RuntimeIdentifier;

    /// <summary>The contents of Demo.Extension's extension.dib.</summary>
    public static string ExtensionDib => """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","aliases":[]}]}}

        #!markdown

        Demo extension loaded.

        #!csharp

        var demoExtensionLoaded = Demo.Extension.Marker.Value;

        #!fsharp

        let x = 1
        """;

    /// <summary>The contents of Demo.KernelAware's extension.dib: it registers a magic command only in our kernel.</summary>
    public static string KernelAwareDib => """
        #!csharp

        #if BIGDL_KERNEL
        RegisterMagic("greet", who => Demo.KernelAware.Greeting.Of(who));
        #else
        throw new InvalidOperationException("BIGDL_KERNEL is not defined");
        #endif

        #!markdown

        **Demo.KernelAware** is loaded.
        """;

    /// <summary>A new session's resolver over the test configuration.</summary>
    public PackageResolver NewResolver() => new(ConfigurationRoot);

    /// <inheritdoc/>
    public void Dispose()
    {
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", _previousPackagesFolder);
        Directory.Delete(Root, recursive: true);
        var keptAssets = Directory.Exists(RestoreFallback.CacheFolder) ? Directory.GetFiles(RestoreFallback.CacheFolder) : [];
        foreach (var assets in keptAssets.Where(f => File.ReadAllText(f).Contains(GlobalPackages, StringComparison.Ordinal)))
        {
            File.Delete(assets);
        }
    }

    private void BuildPackages()
    {
        foreach (var version in new[] { "1.0.0", "1.5.0", "2.0.0", "2.1.0-beta" })
        {
            Pack(Feed, "Demo.Greeter", version, [],
                ("lib/net8.0/", Greeter(version, "net8.0")), ("lib/netstandard2.0/", Greeter(version, "netstandard2.0")));
        }

        var b10 = Library("Demo.B", "1.0.0", "namespace Demo.B; public static class Source { public static string Value() => \"B 1.0.0\"; }");
        var b12 = Library("Demo.B", "1.2.0", "namespace Demo.B; public static class Source { public static string Value() => \"B 1.2.0\"; }");
        Pack(Feed, "Demo.B", "1.0.0", [], ("lib/net8.0/", b10));
        Pack(Feed, "Demo.B", "1.2.0", [], ("lib/net8.0/", b12));
        var a = Library("Demo.A", "1.0.0", "namespace Demo.A; public static class Chain { public static string Value() => \"A -> \" + Demo.B.Source.Value(); }", b10);
        Pack(Feed, "Demo.A", "1.0.0", [new PackageDependency("Demo.B", VersionRange.Parse("1.0.0"))], ("lib/net8.0/", a));
        Pack(Feed, "Demo.Both", "1.0.0",
            [new PackageDependency("Demo.A", VersionRange.Parse("1.0.0")), new PackageDependency("Demo.B", VersionRange.Parse("1.2.0"))],
            ("lib/net8.0/", Library("Demo.Both", "1.0.0", "namespace Demo.Both; public static class Nothing { }")));

        Pack(Feed, "Demo.Extension", "1.0.0", [],
            ("lib/net8.0/", Library("Demo.Extension", "1.0.0", "namespace Demo.Extension; public static class Marker { public const bool Value = true; }")),
            ("interactive-extensions/dotnet/", WriteFile("Demo.Extension", "extension.dib", ExtensionDib)));

        Pack(Feed, "Demo.KernelAware", "1.0.0", [],
            ("lib/net8.0/", Library("Demo.KernelAware", "1.0.0", "namespace Demo.KernelAware; public static class Greeting { public static string Of(string who) => \"hello \" + who; }")),
            ("interactive-extensions/dotnet/", WriteFile("Demo.KernelAware", "extension.dib", KernelAwareDib)));

        Pack(Feed, "Demo.RefOnly", "1.0.0", [],
            ("ref/net8.0/", Library("Demo.RefOnly", "1.0.0", "namespace Demo.RefOnly; public static class Api { }")));
        Pack(Feed, "Demo.Framework", "1.0.0", [],
            ("lib/net8.0/", Library("System.Memory", "1.0.0", "namespace Fake; public static class Memory { }")));
        Pack(Feed, "Demo.AppLocal", "1.0.0", [],
            ("lib/net8.0/", Library("Newtonsoft.Json", "1.0.0", "namespace Fake; public static class Json { }")));
        Pack(Feed, "Demo.Broken", "1.0.0", [new PackageDependency("Demo.Missing", VersionRange.Parse("1.0.0"))],
            ("lib/net8.0/", Library("Demo.Broken", "1.0.0", "namespace Demo.Broken; public static class Nothing { }")));

        Pack(Feed, "Demo.Native", "1.0.0", [new PackageDependency("Demo.B", VersionRange.Parse("[1.2.0]"))],
            ("lib/net8.0/", Library("Demo.Native", "1.0.0", NativeCaller("Demo.Native"))),
            ($"runtimes/{MachineRid}/native/", CopyNativeLibrary("Demo.Native", "libfoo.so")));

        Pack(ExtraFeed, "Demo.Extra", "1.0.0", [],
            ("lib/net8.0/", Library("Demo.Extra", "1.0.0", "namespace Demo.Extra; public static class Where { public static string Value() => \"extra feed\"; }")));
    }

    /// <summary>C# of a class <c>Native</c> in <paramref name="ns"/> whose <c>Pid()</c> calls the native library "foo"
    /// (a copy of the runtime's System.Native, which exports SystemNative_GetPid).</summary>
    public static string NativeCaller(string ns) => $$"""
        namespace {{ns}};
        public static class Native
        {
            [System.Runtime.InteropServices.DllImport("foo", EntryPoint = "SystemNative_GetPid")]
            private static extern int GetPid();

            public static int Pid() => GetPid();
        }
        """;

    /// <summary>Copies the runtime's libSystem.Native.so (a real native library present on every Linux runtime) to
    /// <paramref name="fileName"/> in a staging folder named after <paramref name="owner"/>.</summary>
    public string CopyNativeLibrary(string owner, string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "staging", owner, "native")).FullName;
        var target = Path.Combine(folder, fileName);
        File.Copy(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.Native.so"), target, overwrite: true);
        return target;
    }

    private string Greeter(string version, string framework) => TestCompiler.Compile("Demo.Greeter",
        $"namespace Demo.Greeter; public static class Hello {{ public static string Text() => \"hello {version} {framework}\"; }}",
        Path.Combine(Root, "staging", "Demo.Greeter", version, framework));

    private string Library(string assemblyName, string version, string source, params string[] references) =>
        TestCompiler.Compile(assemblyName, source, Path.Combine(Root, "staging", assemblyName, version), references);

    private string WriteFile(string owner, string fileName, string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "staging", owner, "files")).FullName;
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Pack(string feed, string id, string version, PackageDependency[] dependencies, params (string Folder, string File)[] files)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = $"{id} for the package tests" };
        builder.Authors.Add("BigDL tests");
        builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.Parse("net8.0"), dependencies));
        foreach (var (folder, file) in files)
        {
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = folder + Path.GetFileName(file) });
        }

        using var stream = File.Create(Path.Combine(feed, $"{id}.{version}.nupkg"));
        builder.Save(stream);
    }
}
