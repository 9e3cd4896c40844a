using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>Axes cover their data with ticks on 1-2-5 steps and readable labels.</summary>
public sealed class NiceAxisTests
{
    [Fact]
    public void Covering_RandomRanges_ContainTheDataWithFewNiceTicks()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 2000; trial++)
        {
            double scale = Math.Pow(10, random.Next(-6, 7));
            double a = (random.NextDouble() * 2 - 1) * scale, b = a + random.NextDouble() * scale * random.Next(0, 3);
            var axis = NiceAxis.Covering(a, b);
            Assert.True(axis.Min <= a && axis.Max >= b, $"[{axis.Min}, {axis.Max}] does not cover [{a}, {b}]");
            double mantissa = axis.Step / Math.Pow(10, Math.Floor(Math.Log10(axis.Step) + 1e-12));
            Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0, 10.0 });
            int ticks = axis.Ticks.Count();
            Assert.InRange(ticks, 2, 12);
            Assert.True(b == a || axis.Max - axis.Min <= (b - a) * 4 + axis.Step * 2, $"[{axis.Min}, {axis.Max}] is far wider than [{a}, {b}]");
        }
    }

    [Theory]
    [InlineData(0.13, 0.92, 0.0, 1.0, 0.2)]
    [InlineData(0, 100, 0, 100, 20)]
    [InlineData(-3.7, 12.2, -5, 15, 5)]
    [InlineData(2.302, 2.3025, 2.302, 2.3025, 0.0001)]
    public void Covering_KnownRanges(double low, double high, double min, double max, double step)
    {
        var axis = NiceAxis.Covering(low, high);
        Assert.Equal(min, axis.Min, 12);
        Assert.Equal(max, axis.Max, 12);
        Assert.Equal(step, axis.Step, 12);
    }

    [Fact]
    public void Covering_ASingleValue_MakesARangeAroundIt()
    {
        var zero = NiceAxis.Covering(0, 0);
        Assert.True(zero.Min < 0 && zero.Max > 0);
        var loss = NiceAxis.Covering(2.5, 2.5);
        Assert.True(loss.Min < 2.5 && loss.Max > 2.5);
    }

    [Fact]
    public void Labels_UseTheDecimalsTheStepNeeds()
    {
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], NiceAxis.Covering(0.13, 0.92).Ticks.Select(NiceAxis.Covering(0.13, 0.92).Label));
        var big = NiceAxis.Covering(0, 5e7);
        Assert.Equal("1E+7", big.Label(1e7));
        Assert.Equal("20", NiceAxis.Covering(0, 100).Label(20));
    }

    [Fact]
    public void Covering_BadBounds_NameThem()
    {
        var error = Assert.Throws<ArgumentException>(() => NiceAxis.Covering(double.NaN, 1));
        Assert.Contains("[NaN, 1]", error.Message);
        Assert.Throws<ArgumentException>(() => NiceAxis.Covering(2, 1));
    }
}
