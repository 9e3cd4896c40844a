using BigDL.Interactive.Charts;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>The chart HTML: static content first, a script that only upgrades it, and figure text that cannot end the script.</summary>
public sealed class PlotlyHtmlTests
{
    [Fact]
    public void Div_KeepsTheStaticContent_AndDrawsOnlyWithAGlobalPlotly()
    {
        string html = PlotlyHtml.Div("{\"data\":[],\"layout\":{}}", "<svg/>");
        Assert.Matches("^<div id=\"bigdl-chart-[0-9]+-[0-9]+\" class=\"bigdl-chart\"><svg/></div><script", html);
        Assert.Contains("if (!e || !window.Plotly) return;", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public void Div_FigureTextWithAClosingScriptTag_StaysInsideTheScript()
    {
        string html = PlotlyHtml.Div("{\"data\":[{\"name\":\"</script><b>x</b>\"}],\"layout\":{}}", "");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        Assert.Contains("\\u003c/script>\\u003cb>x\\u003c/b>", html);
    }

    [Fact]
    public void Div_EachChartGetsItsOwnId()
    {
        Assert.NotEqual(PlotlyHtml.Div("{}", "")[..40], PlotlyHtml.Div("{}", "")[..40]);
    }
}
