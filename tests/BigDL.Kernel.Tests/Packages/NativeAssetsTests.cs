using System.Text.Json.Nodes;
using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

/// <summary>The <c>dotnet restore</c> path of packages with <c>runtimes/</c> assets.</summary>
[Collection(PackageTestCollection.Name)]
public sealed class NativeAssetsTests(PackageFeedFixture feeds)
{
    [Fact]
    public async Task ResolveAsync_PackageWithNativeAssets_ReportsTheNativeFolderAndTheDependencies()
    {
        var resolved = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None);

        Assert.Equal(["Demo.B 1.2.0", "Demo.Native 1.0.0"], resolved.Select(p => p.ToString()));
        var native = resolved[1];
        Assert.Equal(Path.Combine(feeds.GlobalPackages, "demo.native", "1.0.0"), native.RootFolder);
        Assert.Equal([Path.Combine(native.RootFolder, "runtimes", PackageFeedFixture.MachineRid, "native")], native.NativeLibraryFolders);
        Assert.Equal([Path.Combine(native.RootFolder, "lib", "net8.0", "Demo.Native.dll")], native.RuntimeAssemblies);
        Assert.Empty(resolved[0].NativeLibraryFolders);
    }

    [Fact]
    public async Task ResolvedNativeLibrary_LoadsThroughTheNativeLibraryResolver()
    {
        var resolved = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None);
        using var natives = new NativeLibraryResolver();
        foreach (var package in resolved)
        {
            natives.Add(package);
        }

        var pid = TestLoadContext.Call(resolved.SelectMany(p => p.RuntimeAssemblies), "Demo.Native", "Demo.Native.Native.Pid");

        Assert.Equal(Environment.ProcessId, pid);
    }

    [Fact]
    public async Task ResolveAsync_AfterANativePackage_KeepsItsDependencyPinned()
    {
        var resolver = feeds.NewResolver();
        await resolver.ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => resolver.ResolveAsync([new PackageRequest("Demo.B", "1.0.0")], CancellationToken.None));

        Assert.Contains("'Demo.B' 1.2.0 is already loaded", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_SamePackagesAgain_ReadsTheKeptAssetsFileInsteadOfRestoring()
    {
        await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None);
        var kept = Directory.GetFiles(RestoreFallback.CacheFolder, "*.assets.json")
            .Single(f => File.ReadAllText(f).Contains(feeds.GlobalPackages, StringComparison.Ordinal));
        var original = File.ReadAllText(kept);
        try
        {
            var assets = JsonNode.Parse(original)!;
            var target = assets["targets"]!.AsObject().Single(t => t.Key.EndsWith("/" + PackageFeedFixture.MachineRid, StringComparison.Ordinal)).Value!;
            target["Demo.Native/1.0.0"]!.AsObject().Remove("native");
            File.WriteAllText(kept, assets.ToJsonString());

            var again = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None);

            Assert.Equal(["Demo.B 1.2.0", "Demo.Native 1.0.0"], again.Select(p => p.ToString()));
            Assert.Empty(again[1].NativeLibraryFolders);
        }
        finally
        {
            File.WriteAllText(kept, original);
        }
    }
}
