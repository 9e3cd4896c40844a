using BigDL.Kernel.Packages;
using NuGet.Versioning;

namespace BigDL.Kernel.Tests.Packages;

public sealed class VersionSpecTests
{
    private static readonly NuGetVersion[] Available = new[] { "0.9.0", "1.0.0", "1.4.0", "2.0.0", "2.1.0-rc.1", "3.0.0-alpha" }.Select(NuGetVersion.Parse).ToArray();

    [Theory]
    [InlineData(null, "2.0.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.*", "1.4.0")]
    [InlineData("2.*-*", "2.1.0-rc.1")]
    [InlineData("*", "2.0.0")]
    [InlineData("*-*", "3.0.0-alpha")]
    [InlineData("[1.0.0, 2.0.0)", "1.0.0")]
    [InlineData("(1.0.0, )", "1.4.0")]
    [InlineData("3.0.0-alpha", "3.0.0-alpha")]
    [InlineData("1.2.0", null)]
    [InlineData("[5.0, 6.0]", null)]
    public void Select_TakesTheVersionNuGetWould(string? text, string? expected)
    {
        var spec = text is null ? VersionSpec.Latest : VersionSpec.TryParse(text)!;

        Assert.Equal(expected, spec.Select(Available)?.ToNormalizedString());
    }

    [Fact]
    public void Select_Latest_IgnoresPrereleases()
    {
        Assert.Null(VersionSpec.Latest.Select([NuGetVersion.Parse("1.0.0-beta")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.0.0.0.0")]
    [InlineData("[1.0")]
    [InlineData("1.*.3")]
    public void TryParse_NotAVersion_IsNull(string text)
    {
        Assert.Null(VersionSpec.TryParse(text));
    }

    [Theory]
    [InlineData(null, "5.0.0", true)]
    [InlineData("1.0.0", "1.0.0", true)]
    [InlineData("1.0.0", "1.0.1", false)]
    [InlineData("1.*", "1.9.0", true)]
    [InlineData("1.*", "2.0.0", false)]
    [InlineData("*-*", "2.0.0-beta", true)]
    [InlineData("[1.0, 2.0)", "2.0.0", false)]
    [InlineData("[1.0, 2.0)", "1.5.0", true)]
    public void AcceptsLoaded_SaysWhetherTheLoadedVersionAnswers(string? text, string loaded, bool expected)
    {
        var spec = text is null ? VersionSpec.Latest : VersionSpec.TryParse(text)!;

        Assert.Equal(expected, spec.AcceptsLoaded(NuGetVersion.Parse(loaded)));
    }
}
