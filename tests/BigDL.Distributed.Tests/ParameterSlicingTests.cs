namespace BigDL.Distributed.Tests;

public class ParameterSlicingTests
{
    [Theory]
    [InlineData(10, 3, new[] { 0, 4, 7 }, new[] { 4, 3, 3 })]
    [InlineData(12, 4, new[] { 0, 3, 6, 9 }, new[] { 3, 3, 3, 3 })]
    [InlineData(11, 4, new[] { 0, 3, 6, 9 }, new[] { 3, 3, 3, 2 })]
    [InlineData(13, 4, new[] { 0, 4, 7, 10 }, new[] { 4, 3, 3, 3 })]
    [InlineData(2, 4, new[] { 0, 1, 2, 2 }, new[] { 1, 1, 0, 0 })]
    [InlineData(0, 2, new[] { 0, 0 }, new[] { 0, 0 })]
    [InlineData(7, 1, new[] { 0 }, new[] { 7 })]
    public void Indexer_GivesBigDLsOffsetsAndLengths(int p, int n, int[] offsets, int[] lengths)
    {
        var slicing = new ParameterSlicing(p, n);

        for (int i = 0; i < n; i++) Assert.Equal((offsets[i], lengths[i]), slicing[i]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(1000, 7)]
    [InlineData(138_357_544, 4)]
    public void Slices_CoverTheVectorContiguouslyWithLengthsDifferingByAtMostOne(int p, int n)
    {
        var slicing = new ParameterSlicing(p, n);

        int next = 0;
        for (int i = 0; i < n; i++)
        {
            var (offset, length) = slicing[i];
            Assert.Equal(next, offset);
            Assert.InRange(length, p / n, p / n + 1);
            next = offset + length;
        }
        Assert.Equal(p, next);
        Assert.Equal((p + n - 1) / n, slicing.MaxLength);
    }

    [Fact]
    public void Indexer_SliceOutsideRange_ThrowsNamingRangeAndValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterSlicing(10, 3)[3]);

        Assert.Equal("slice", error.ParamName);
        Assert.Contains("[0, 3)", error.Message);
        Assert.Contains("got 3", error.Message);
    }

    [Theory]
    [InlineData(-1, 2, "parameterCount")]
    [InlineData(5, 0, "sliceCount")]
    public void Constructor_BadCounts_ThrowNamingTheArgument(int p, int n, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterSlicing(p, n));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"got {(name == "sliceCount" ? n : p)}", error.Message);
    }
}
