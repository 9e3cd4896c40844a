using System.Text.Json;
using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>The Plotly figure JSON: parses, one trace per series on its panel's axes, the values exactly.</summary>
public sealed class PlotlyFigureTests
{
    [Fact]
    public void Json_TwoPanels_TracesOnTheirOwnAxes_WithTheValues()
    {
        var loss = new ChartPanel("Loss", "iteration", "loss", [new LineSeries("training loss", [(1, 2.5), (2, 1.25), (3, 0.1 + 0.2)])]);
        var scores = new ChartPanel("Validation", "epoch", "score", [new LineSeries("Top1Accuracy", [(1, 0.5), (2, 0.75)], Markers: true), new LineSeries("Loss", [(1, 1.5), (2, 1.0)], Markers: true)]);
        using var figure = JsonDocument.Parse(PlotlyFigure.Json([loss, scores], "epoch 2/2 <done>"));
        var data = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["training loss", "Top1Accuracy", "Loss"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["x", "x2", "x2"], data.Select(t => t.GetProperty("xaxis").GetString()));
        Assert.Equal(["y", "y2", "y2"], data.Select(t => t.GetProperty("yaxis").GetString()));
        Assert.Equal([2.5, 1.25, 0.1 + 0.2], data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([1.0, 2.0], data[1].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("lines+markers", data[1].GetProperty("mode").GetString());
        var layout = figure.RootElement.GetProperty("layout");
        Assert.Equal("epoch 2/2 <done>", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.True(layout.GetProperty("xaxis").GetProperty("domain")[1].GetDouble() < layout.GetProperty("xaxis2").GetProperty("domain")[0].GetDouble());
        Assert.Equal(["Loss", "Validation"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void Json_SeriesColours_MatchTheSvg()
    {
        var panel = new ChartPanel("Loss", "iteration", "loss", [new LineSeries("a", [(1, 1)]), new LineSeries("b", [(1, 2)])]);
        using var figure = JsonDocument.Parse(PlotlyFigure.Json([panel], ""));
        var colours = figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("line").GetProperty("color").GetString()).ToList();
        Assert.Equal([ChartPalette.Color(0), ChartPalette.Color(1)], colours);
        Assert.Contains($"stroke=\"{ChartPalette.Color(1)}\"", SvgChart.Render([panel]));
    }
}
