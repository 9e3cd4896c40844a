using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

[Collection(PackageTestCollection.Name)]
public sealed class PackageResolverTests(PackageFeedFixture feeds)
{
    [Theory]
    [InlineData(null, "2.0.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.*", "1.5.0")]
    [InlineData("*", "2.0.0")]
    [InlineData("*-*", "2.1.0-beta")]
    [InlineData("2.1.0-beta", "2.1.0-beta")]
    [InlineData("[1.2, 3.0)", "1.5.0")]
    public async Task ResolveAsync_PicksTheVersionTheRequestNames(string? version, string expected)
    {
        var resolved = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Greeter", version)], CancellationToken.None);

        var package = Assert.Single(resolved);
        Assert.Equal(("Demo.Greeter", expected), (package.Id, package.Version));
        var assembly = Assert.Single(package.RuntimeAssemblies);
        Assert.Equal($"hello {expected} net8.0", TestLoadContext.Call([assembly], "Demo.Greeter", "Demo.Greeter.Hello.Text"));
    }

    [Fact]
    public async Task ResolveAsync_ExtractsIntoTheGlobalPackagesFolderInNuGetsLayout()
    {
        var resolver = feeds.NewResolver();

        var package = Assert.Single(await resolver.ResolveAsync([new PackageRequest("Demo.Greeter", "1.5.0")], CancellationToken.None));

        Assert.Equal(feeds.GlobalPackages, resolver.GlobalPackagesFolder);
        var root = Path.Combine(feeds.GlobalPackages, "demo.greeter", "1.5.0");
        Assert.Equal(root, package.RootFolder);
        Assert.All(
            ["demo.greeter.1.5.0.nupkg", "demo.greeter.1.5.0.nupkg.sha512", "demo.greeter.nuspec", ".nupkg.metadata"],
            file => Assert.True(File.Exists(Path.Combine(root, file)), file));
        Assert.Equal(Path.Combine(root, "lib", "net8.0", "Demo.Greeter.dll"), Assert.Single(package.RuntimeAssemblies));
    }

    [Fact]
    public async Task ResolveAsync_DependencyChain_TakesTheLowestApplicableVersionAndListsDependenciesFirst()
    {
        var resolved = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.A")], CancellationToken.None);

        Assert.Equal(["Demo.B 1.0.0", "Demo.A 1.0.0"], resolved.Select(p => p.ToString()));
        var assemblies = resolved.SelectMany(p => p.RuntimeAssemblies).ToList();
        Assert.Equal("A -> B 1.0.0", TestLoadContext.Call(assemblies, "Demo.A", "Demo.A.Chain.Value"));
    }

    [Fact]
    public async Task ResolveAsync_TwoRangesOfOneDependency_TakeTheHigherOfTheirLowestVersions()
    {
        var resolved = await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Both")], CancellationToken.None);

        Assert.Equal(["Demo.B 1.2.0", "Demo.A 1.0.0", "Demo.Both 1.0.0"], resolved.Select(p => p.ToString()));
        Assert.Equal("A -> B 1.2.0", TestLoadContext.Call(resolved.SelectMany(p => p.RuntimeAssemblies), "Demo.A", "Demo.A.Chain.Value"));
    }

    [Fact]
    public async Task ResolveAsync_SamePackageAgain_ResolvesNothingNew()
    {
        var resolver = feeds.NewResolver();
        await resolver.ResolveAsync([new PackageRequest("Demo.A")], CancellationToken.None);

        var again = new[] { new PackageRequest("Demo.A"), new PackageRequest("Demo.A", "1.0.0"), new PackageRequest("Demo.B", "1.*") };

        foreach (var request in again)
        {
            Assert.Empty(await resolver.ResolveAsync([request], CancellationToken.None));
        }

        Assert.Equal(["Demo.B 1.0.0", "Demo.A 1.0.0"], resolver.Loaded.Select(p => p.ToString()));
    }

    [Fact]
    public async Task ResolveAsync_ConflictingVersionOfALoadedPackage_Throws()
    {
        var resolver = feeds.NewResolver();
        await resolver.ResolveAsync([new PackageRequest("Demo.Greeter", "1.0.0")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => resolver.ResolveAsync([new PackageRequest("Demo.Greeter", "2.0.0")], CancellationToken.None));

        Assert.Contains("'Demo.Greeter' 1.0.0 is already loaded", error.Message);
        Assert.Contains("#r \"nuget:Demo.Greeter, 2.0.0\"", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_DependencyConflictingWithALoadedPackage_Throws()
    {
        var resolver = feeds.NewResolver();
        await resolver.ResolveAsync([new PackageRequest("Demo.B", "1.0.0")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => resolver.ResolveAsync([new PackageRequest("Demo.Native")], CancellationToken.None));

        Assert.Contains("Demo.B", error.Message);
        Assert.Contains(feeds.Feed, error.Message);
    }

    [Fact]
    public async Task ResolveAsync_TwoVersionsInOneCall_Throws()
    {
        var error = await Assert.ThrowsAsync<PackageResolutionException>(() => feeds.NewResolver().ResolveAsync(
            [new PackageRequest("Demo.Greeter", "1.0.0"), new PackageRequest("demo.greeter", "2.0.0")], CancellationToken.None));

        Assert.Contains("different versions", error.Message);
        Assert.Contains("#r \"nuget:demo.greeter, 2.0.0\"", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_UnknownPackage_NamesTheIdTheVersionAndEverySource()
    {
        var resolver = feeds.NewResolver();
        resolver.AddSource(feeds.ExtraFeed);

        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => resolver.ResolveAsync([new PackageRequest("Demo.Nowhere", "3.1.4")], CancellationToken.None));

        Assert.Contains("'Demo.Nowhere' at 3.1.4 was not found", error.Message);
        Assert.Contains($"Sources tried: {feeds.ExtraFeed}, {feeds.Feed}.", error.Message);
        Assert.Contains("None of them has the package.", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_UnknownVersion_ListsTheVersionsThere()
    {
        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Greeter", "9.9.9")], CancellationToken.None));

        Assert.Contains("'Demo.Greeter' at 9.9.9 was not found", error.Message);
        Assert.Contains("Versions there: 1.0.0, 1.5.0, 2.0.0, 2.1.0-beta.", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_MissingDependency_NamesIt()
    {
        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Broken")], CancellationToken.None));

        Assert.Contains("Demo.Broken 1.0.0", error.Message);
        Assert.Contains("Demo.Missing", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_SourceFolderThatDoesNotExist_NamesIt()
    {
        var resolver = feeds.NewResolver();
        var missing = Path.Combine(feeds.Root, "no-such-feed");
        resolver.AddSource(missing);

        var error = await Assert.ThrowsAsync<PackageResolutionException>(
            () => resolver.ResolveAsync([new PackageRequest("Demo.Greeter")], CancellationToken.None));

        Assert.Contains($"Package source '{missing}' cannot be read", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_SourceAddedInTheSession_IsSearchedFirst()
    {
        var resolver = feeds.NewResolver();
        resolver.AddSource(feeds.ExtraFeed);

        var package = Assert.Single(await resolver.ResolveAsync([new PackageRequest("Demo.Extra")], CancellationToken.None));

        Assert.Equal([feeds.ExtraFeed, feeds.Feed], resolver.Sources);
        Assert.Equal("extra feed", TestLoadContext.Call(package.RuntimeAssemblies, "Demo.Extra", "Demo.Extra.Where.Value"));
    }

    [Fact]
    public async Task ResolveAsync_PackageWithOnlyReferenceAssemblies_UsesRef()
    {
        var package = Assert.Single(await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.RefOnly")], CancellationToken.None));

        Assert.Equal(Path.Combine(package.RootFolder, "ref", "net8.0", "Demo.RefOnly.dll"), Assert.Single(package.RuntimeAssemblies));
    }

    [Fact]
    public async Task ResolveAsync_AssemblyTheFrameworkProvides_IsLeftOut()
    {
        var package = Assert.Single(await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Framework")], CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(package.RootFolder, "lib", "net8.0", "System.Memory.dll")));
        Assert.Empty(package.RuntimeAssemblies);
    }

    [Fact]
    public async Task ResolveAsync_AssemblyTheApplicationShipsButNoFrameworkProvides_IsKept()
    {
        var applicationAssemblies = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        Assert.Contains($"{Path.DirectorySeparatorChar}Newtonsoft.Json.dll", applicationAssemblies);

        var package = Assert.Single(await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.AppLocal")], CancellationToken.None));

        Assert.Equal(Path.Combine(package.RootFolder, "lib", "net8.0", "Newtonsoft.Json.dll"), Assert.Single(package.RuntimeAssemblies));
    }

    [Fact]
    public async Task ResolveAsync_PackageWithExtensionScript_CanBeLoadedFromItsRoot()
    {
        var package = Assert.Single(await feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Extension")], CancellationToken.None));

        var script = ExtensionScript.Load(package.RootFolder);

        Assert.NotNull(script);
        Assert.Equal(["markdown", "csharp", "fsharp"], script.Cells.Select(c => c.Kernel));
        Assert.Equal("var demoExtensionLoaded = Demo.Extension.Marker.Value;", script.Cells[1].Text);
        Assert.Equal("fsharp", Assert.Single(script.UnsupportedCells).Kernel);
    }

    [Fact]
    public async Task ResolveAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => feeds.NewResolver().ResolveAsync([new PackageRequest("Demo.Greeter")], cancelled.Token));
    }
}
