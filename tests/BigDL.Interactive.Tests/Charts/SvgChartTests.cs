using System.Globalization;
using System.Xml.Linq;
using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>The static SVG chart: well-formed, every point inside the plot area (so the axes contain the data), bounded size.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartPanel Panel(params LineSeries[] series) => new("Loss <train & test>", "iteration", "loss", series);

    private static List<(double X, double Y)> Points(XElement polyline)
        => [.. polyline.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')).Select(p => (Parse(p[0]), Parse(p[1])))];

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_IsWellFormedXml_WithTitleLegendAndEscapedText()
    {
        var svg = XElement.Parse(SvgChart.Render([Panel(new LineSeries("train", [(1, 2.5), (2, 1.5), (3, 0.7)]), new LineSeries("test <held out>", [(1, 2.6), (3, 0.9)]))]));
        Assert.Equal(Svg + "svg", svg.Name);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Loss <train & test>", texts);
        Assert.Contains("test <held out>", texts);
        Assert.Contains("iteration", texts);
        Assert.Equal(2, svg.Descendants(Svg + "polyline").Count());
    }

    [Fact]
    public void Render_EveryPointLiesInThePlotArea_ForRandomData()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 50; trial++)
        {
            double offset = random.NextDouble() * 1000 - 500, scale = Math.Pow(10, random.Next(-3, 4));
            var series = new LineSeries("s", [.. Enumerable.Range(0, 30).Select(i => (i * scale + offset, random.NextDouble() * scale - offset))], Markers: true);
            var svg = XElement.Parse(SvgChart.Render([Panel(series)]));
            var area = svg.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "plot-area");
            double x = Parse(area.Attribute("x")!.Value), y = Parse(area.Attribute("y")!.Value);
            double w = Parse(area.Attribute("width")!.Value), h = Parse(area.Attribute("height")!.Value);
            var points = Points(svg.Descendants(Svg + "polyline").Single());
            Assert.Equal(30, points.Count);
            Assert.All(points, p => Assert.True(p.X >= x - 0.05 && p.X <= x + w + 0.05 && p.Y >= y - 0.05 && p.Y <= y + h + 0.05, $"{p} outside the plot area"));
            Assert.Equal(30, svg.Descendants(Svg + "circle").Count());
        }
    }

    [Fact]
    public void Render_DownsampledLongCurve_HasABoundedPolyline()
    {
        var series = new DownsampledSeries();
        for (int i = 1; i <= 200_000; i++) series.Add(i, 1.0 / i);
        var svg = XElement.Parse(SvgChart.Render([Panel(new LineSeries("loss", series.Points()))]));
        Assert.InRange(Points(svg.Descendants(Svg + "polyline").Single()).Count, 2, 501);
    }

    [Fact]
    public void Render_TwoPanels_SideBySide_AndAnEmptyOneSaysSo()
    {
        var svg = XElement.Parse(SvgChart.Render([Panel(new LineSeries("loss", [(1, 1)])), new ChartPanel("Validation", "epoch", "score", [])]));
        Assert.Equal((2 * SvgChart.PanelWidth).ToString(CultureInfo.InvariantCulture), svg.Attribute("width")!.Value);
        Assert.Equal(2, svg.Elements(Svg + "g").Count());
        Assert.Contains("waiting for data", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Render_NoPanel_Throws()
    {
        Assert.Equal("panels", Assert.Throws<ArgumentException>(() => SvgChart.Render([])).ParamName);
    }
}
