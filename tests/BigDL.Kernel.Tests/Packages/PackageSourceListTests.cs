using BigDL.Kernel.Packages;
using NuGet.Configuration;

namespace BigDL.Kernel.Tests.Packages;

public sealed class PackageSourceListTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bigdl-sources-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Combine_PutsSessionThenEnvironmentThenConfiguredSources_WithoutRepeatsOrDisabledOnes()
    {
        var settings = Configuration($"""
            <configuration>
              <packageSources>
                <clear />
                <add key="configured" value="{_root}/configured" />
                <add key="again" value="{_root}/session/" />
                <add key="off" value="{_root}/off" />
              </packageSources>
              <disabledPackageSources>
                <add key="off" value="true" />
              </disabledPackageSources>
            </configuration>
            """);
        var environment = string.Join(Path.PathSeparator, $"{_root}/env-one", " ", $"{_root}/env-two", $"{_root}/session");

        var sources = PackageSourceList.Combine([$"{_root}/session"], environment, settings);

        Assert.Equal(
            [$"{_root}/session", $"{_root}/env-one", $"{_root}/env-two", $"{_root}/configured"],
            sources.Select(s => s.Source));
        Assert.Equal("configured", sources[3].Name);
    }

    [Fact]
    public void Combine_ClearInTheConfiguration_LeavesOnlyTheOthers()
    {
        var settings = Configuration("<configuration><packageSources><clear /></packageSources></configuration>");

        Assert.Equal([$"{_root}/mine"], PackageSourceList.Combine([$"{_root}/mine"], null, settings).Select(s => s.Source));
    }

    [Theory]
    [InlineData("https://example.test/v3/index.json", "https://example.test/v3/index.json")]
    [InlineData("/srv/feed", "/srv/feed")]
    [InlineData("file:///srv/feed", "/srv/feed")]
    public void Normalize_KeepsUrlsAndMakesFoldersAbsolute(string source, string expected)
    {
        Assert.Equal(expected, PackageSourceList.Normalize(source));
    }

    [Fact]
    public void Normalize_RelativeFolder_IsTakenFromTheCurrentDirectory()
    {
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "feed"), PackageSourceList.Normalize("feed"));
    }

    private ISettings Configuration(string xml)
    {
        File.WriteAllText(Path.Combine(_root, "nuget.config"), xml);
        return Settings.LoadDefaultSettings(_root);
    }
}
