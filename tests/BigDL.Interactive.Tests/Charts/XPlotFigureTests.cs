using System.Text.Json;
using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>Reading the figure out of XPlot's plotting script.</summary>
public sealed class XPlotFigureTests
{
    [Fact]
    public void FromPlottingJs_DataAndLayout()
    {
        const string script = "var data = [{\"type\":\"scatter\",\"x\":[1,2],\"y\":[2.0,3.0],\"name\":\"s;1\"}];\n" +
                              "           var layout = {\"title\":\"a \\\"title\\\";\\nwith newline\"};\n           Plotly.newPlot('id', data, layout);";
        using var figure = JsonDocument.Parse(XPlotFigure.FromPlottingJs(script));
        Assert.Equal("s;1", figure.RootElement.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal([2.0, 3.0], figure.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("a \"title\";\nwith newline", figure.RootElement.GetProperty("layout").GetProperty("title").GetString());
    }

    [Fact]
    public void FromPlottingJs_EmptyLayout_BecomesAnObject()
    {
        using var figure = JsonDocument.Parse(XPlotFigure.FromPlottingJs("var data = [];\n var layout = \"\";\n Plotly.newPlot('id', data, layout);"));
        Assert.Equal(JsonValueKind.Object, figure.RootElement.GetProperty("layout").ValueKind);
    }

    [Fact]
    public void FromPlottingJs_NoData_SaysWhatItGot()
    {
        var error = Assert.Throws<FormatException>(() => XPlotFigure.FromPlottingJs("Plotly.newPlot('id')"));
        Assert.Contains("Plotly.newPlot('id')", error.Message);
    }
}
