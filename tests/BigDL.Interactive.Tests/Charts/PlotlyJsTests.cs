using BigDL.Interactive.Charts;
using Microsoft.AspNetCore.Html;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>The inline plotly.js found in Plotly.NET's assembly.</summary>
public sealed class PlotlyJsTests
{
    [Fact]
    public void Script_IsTheEmbeddedPlotlyJs_InOneScriptElement_ThatSetsTheGlobal()
    {
        Assert.Equal("2.28.0", PlotlyJs.Version);
        Assert.InRange(PlotlyJs.Length, 3_000_000, 5_000_000);
        using var writer = new StringWriter();
        PlotlyJs.Script().WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        string html = writer.ToString();
        Assert.StartsWith("<script type=\"text/javascript\">(function (define, module, exports) {", html);
        Assert.EndsWith("})();</script>", html);
        Assert.Equal(html.Length - "</script>".Length, html.IndexOf("</script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("plotly.js v2.28.0", html);
        Assert.InRange(html.Length - PlotlyJs.Length, 1, 200);
    }

    [Fact]
    public void Script_IsHtmlContent_SoHostsShowItAsHtml()
    {
        Assert.IsAssignableFrom<IHtmlContent>(PlotlyJs.Script());
    }
}
