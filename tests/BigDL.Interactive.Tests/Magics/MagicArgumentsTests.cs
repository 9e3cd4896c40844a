using BigDL.Interactive.Magics;

namespace BigDL.Interactive.Tests.Magics;

public sealed class MagicArgumentsTests
{
    [Fact]
    public void ReadsASubcommandAndOptionsInBothSpellings()
    {
        var args = MagicArguments.Parse("spark --master spark://host:7077 --cores=8 --archives \"a b.zip\"");
        Assert.Equal("spark", args.Subcommand);
        Assert.Equal("spark://host:7077", args.Text("master"));
        Assert.Equal(8, args.PositiveInt("cores"));
        Assert.Equal("a b.zip", args.Text("archives"));
        args.RejectUnknown("master", "cores", "archives");
    }

    [Fact]
    public void AbsentOptionsFallBack()
    {
        var args = MagicArguments.Parse("  local  ");
        Assert.Equal("local", args.Subcommand);
        Assert.Equal(3, args.PositiveInt("cores", 3));
        Assert.Null(args.Text("master"));
    }

    [Theory]
    [InlineData("local --cores", "--cores needs a value")]
    [InlineData("local --cores 2 --cores 3", "--cores is given twice")]
    [InlineData("local extra", "unexpected 'extra'")]
    [InlineData("local --cores \"2", "not closed")]
    public void MalformedLinesSayWhat(string line, string problem)
    {
        var e = Assert.Throws<MagicUsageException>(() => MagicArguments.Parse(line));
        Assert.Contains(problem, e.Problem);
        Assert.Contains("usage:", e.Message);
    }

    [Fact]
    public void BadNumbersNameTheOptionAndValue()
    {
        var e = Assert.Throws<MagicUsageException>(() => MagicArguments.Parse("local --cores zero").PositiveInt("cores"));
        Assert.Equal("--cores expects a positive whole number, got 'zero'", e.Problem);
        Assert.Throws<MagicUsageException>(() => MagicArguments.Parse("local --cores 0").PositiveInt("cores"));
    }

    [Fact]
    public void UnreadOptionsAreRejected()
    {
        var args = MagicArguments.Parse("local --cores 2 --corse 3");
        args.PositiveInt("cores");
        var e = Assert.Throws<MagicUsageException>(() => args.RejectUnknown("cores"));
        Assert.Equal("unknown option --corse for 'local': it takes --cores", e.Problem);
    }
}
