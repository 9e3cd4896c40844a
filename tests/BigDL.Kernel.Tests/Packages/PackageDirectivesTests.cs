using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

public sealed class PackageDirectivesTests
{
    [Theory]
    [InlineData("#r \"nuget:Demo.Lib\"", "Demo.Lib", null)]
    [InlineData("#r \"nuget:Demo.Lib, 1.2.3\"", "Demo.Lib", "1.2.3")]
    [InlineData("#r \"nuget:Demo.Lib,1.2.3\"", "Demo.Lib", "1.2.3")]
    [InlineData("#r \"nuget: Demo.Lib ,  1.2.3 \"", "Demo.Lib", "1.2.3")]
    [InlineData("#r \"nuget:Demo.Lib,1.*\"", "Demo.Lib", "1.*")]
    [InlineData("#r \"nuget:Demo.Lib,*-*\"", "Demo.Lib", "*-*")]
    [InlineData("#r \"nuget:Demo.Lib, 2.0.0-beta.1\"", "Demo.Lib", "2.0.0-beta.1")]
    [InlineData("#r \"nuget:Demo.Lib, [1.0, 2.0)\"", "Demo.Lib", "[1.0, 2.0)")]
    [InlineData("   #r \"nuget:Demo.Lib\"   ", "Demo.Lib", null)]
    [InlineData("\t#r \"NuGet:Demo.Lib\" // for the charts", "Demo.Lib", null)]
    public void Extract_Reference_ReadsIdAndVersion(string line, string id, string? version)
    {
        var directives = PackageDirectives.Extract(line);

        var request = Assert.Single(directives.References);
        Assert.Equal((id, version), (request.Id, request.Version));
        Assert.Equal(line.Trim(), request.Directive);
        Assert.Empty(directives.Sources);
        Assert.Equal("", directives.Code);
    }

    [Theory]
    [InlineData("#i \"nuget:/tmp/my feed\"", "/tmp/my feed")]
    [InlineData("#i \"nuget: https://example.test/v3/index.json \"", "https://example.test/v3/index.json")]
    public void Extract_Source_ReadsTheSource(string line, string source)
    {
        var directives = PackageDirectives.Extract(line);

        Assert.Equal([source], directives.Sources);
        Assert.Empty(directives.References);
    }

    [Fact]
    public void Extract_DirectivesAnywhere_LeavesEmptyLinesSoLineNumbersStay()
    {
        var code = "var a = 1;\r\n#r \"nuget:Demo.A\"\r\n  #i \"nuget:feed\"\nConsole.WriteLine(a);\n#r \"nuget:Demo.B, 1.0.0\"\n";

        var directives = PackageDirectives.Extract(code);

        Assert.Equal("var a = 1;\r\n\r\n\nConsole.WriteLine(a);\n\n", directives.Code);
        Assert.Equal(["Demo.A", "Demo.B"], directives.References.Select(r => r.Id));
        Assert.Equal(["feed"], directives.Sources);
    }

    [Theory]
    [InlineData("#r \"System.Numerics.dll\"")]
    [InlineData("#r \"/opt/lib/nuget:odd.dll\"")]
    [InlineData("#load \"helpers.csx\"")]
    [InlineData("var s = \"#r \\\"nuget:Demo.A\\\"\";")]
    [InlineData("// #r \"nuget:Demo.A\"")]
    public void Extract_OtherLines_StayInTheCode(string line)
    {
        var code = $"{line}\nvar x = 1;";

        var directives = PackageDirectives.Extract(code);

        Assert.Equal(code, directives.Code);
        Assert.Empty(directives.References);
        Assert.Empty(directives.Sources);
    }

    [Theory]
    [InlineData("#r \"nuget:\"", "the package id is empty")]
    [InlineData("#r \"nuget:, 1.0.0\"", "the package id is empty")]
    [InlineData("#r \"nuget:Demo Lib\"", "'Demo Lib' is not a valid package id")]
    [InlineData("#r \"nuget:Demo.Lib,\"", "the version '' is not a version")]
    [InlineData("#r \"nuget:Demo.Lib, one\"", "the version 'one' is not a version")]
    [InlineData("#r \"nuget:Demo.Lib, 1.0, 2.0\"", "the version '1.0, 2.0' is not a version")]
    [InlineData("#r \"nuget:Demo.Lib, [1.0\"", "the version '[1.0' is not a version")]
    [InlineData("#r \"nuget:Demo.Lib", "expected #r \"nuget:Id\"")]
    [InlineData("#r \"nuget:Demo.Lib\" extra", "expected #r \"nuget:Id\"")]
    [InlineData("#i \"nuget: \"", "the package source is empty")]
    public void Extract_MalformedDirective_ThrowsQuotingItAndItsLine(string directive, string reason)
    {
        var error = Assert.Throws<PackageDirectiveException>(() => PackageDirectives.Extract($"var a = 1;\n  {directive}\n"));

        Assert.Equal(directive, error.Directive);
        Assert.Equal(2, error.LineNumber);
        Assert.StartsWith($"Malformed package directive on line 2, '{directive}': ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Extract_EmptyCode_HasNothing()
    {
        var directives = PackageDirectives.Extract("");

        Assert.Equal("", directives.Code);
        Assert.Empty(directives.References);
    }

    [Fact]
    public void PackageRequest_BadArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new PackageRequest("")).ParamName);
        var version = Assert.Throws<ArgumentException>(() => new PackageRequest("Demo.Lib", "x.y"));
        Assert.Equal("version", version.ParamName);
        Assert.Contains("'x.y'", version.Message);
    }
}
