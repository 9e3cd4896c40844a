using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>Long curves stay bounded and keep their extremes, order and last point.</summary>
public sealed class DownsampledSeriesTests
{
    [Fact]
    public void FewPoints_AreKeptExactly()
    {
        var series = new DownsampledSeries(maxBuckets: 10);
        for (int i = 0; i < 10; i++) series.Add(i, i * i);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => ((double)i, (double)(i * i))), series.Points());
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(65_537)]
    [InlineData(1_000_000)]
    public void ManyPoints_AtMostTwoPerBucketPlusTheLast_InIncreasingX(int count)
    {
        var series = new DownsampledSeries(maxBuckets: 250);
        var random = new Random(7);
        for (int i = 0; i < count; i++) series.Add(i, random.NextDouble());
        var points = series.Points();
        Assert.InRange(points.Count, 250, 501);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.X < p.Second.X), "points are not in increasing x");
        Assert.Equal(count - 1, points[^1].X);
    }

    [Fact]
    public void Extremes_SurviveDownsampling()
    {
        var series = new DownsampledSeries(maxBuckets: 20);
        for (int i = 0; i < 10_000; i++) series.Add(i, i == 4321 ? 100 : i == 7777 ? -100 : Math.Sin(i));
        var points = series.Points();
        Assert.Contains((4321.0, 100.0), points);
        Assert.Contains((7777.0, -100.0), points);
    }

    [Fact]
    public void NonFiniteValues_AreNotPlotted()
    {
        var series = new DownsampledSeries();
        series.Add(1, 0.5);
        series.Add(2, double.NaN);
        series.Add(3, double.PositiveInfinity);
        series.Add(4, 0.25);
        Assert.Equal([(1.0, 0.5), (4.0, 0.25)], series.Points());
    }
}
