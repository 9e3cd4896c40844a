using System.Runtime.Loader;
using System.Text.Json;
using BigDL.Interactive.Charts;
using BigDL.Interactive.Tests.Training;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>
/// Users' charts through the Formatter: without our formatters a Plotly.NET chart is an object tree; with them it is
/// one offline bundle (HTML using the page's plotly.js, the figure JSON, a summary), and so is an XPlot chart, found by
/// reflection.
/// </summary>
[Collection(NotebookState.Name)]
public sealed class ChartFormattersTests
{
    private static GenericChart LossChart()
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2, 3 });
        trace.SetProperty("y", new[] { 0.5, 0.25, 0.125 });
        trace.SetProperty("name", "loss");
        return GenericChart.ofTraceObject(true, trace);
    }

    private static void AssertOfflineBundle(IReadOnlyDictionary<string, string> bundle)
    {
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], bundle.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, text) in bundle)
        {
            Assert.DoesNotContain("cdn.", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"https://", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("require(", text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(text), type);
        }
        Assert.Contains("window.Plotly.newPlot", bundle["text/html"]);
    }

    [Fact]
    public void GenericChart_WithoutOurFormatter_IsAnObjectTree_WithIt_AnOfflineChartBundle()
    {
        using var registry = new FormatterRegistrySnapshot();
        Formatter.ResetToDefault();
        var chart = LossChart();
        Assert.Contains("dni-treeview", Formatter.ToDisplayString(chart, "text/html"));

        ChartFormatters.Register();
        var bundle = HostBundles.Format(chart);
        AssertOfflineBundle(bundle);
        Assert.DoesNotContain("dni-treeview", bundle["text/html"]);
        Assert.Contains("[0.5,0.25,0.125]", bundle["text/html"]);
        using var figure = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]);
        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("loss", trace.GetProperty("name").GetString());
        Assert.Equal([0.5, 0.25, 0.125], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("Plotly chart: 1 trace (scatter \"loss\" 3 points)", bundle["text/plain"]);
    }

    [Fact]
    public void GenericChart_RenderingTwice_GivesTheSameFigure()
    {
        ChartFormatters.Register();
        var chart = LossChart();
        Assert.Equal(Formatter.ToDisplayString(chart, "application/vnd.plotly.v1+json"), Formatter.ToDisplayString(chart, "application/vnd.plotly.v1+json"));
    }

    [Fact]
    public void XPlotChart_FoundByReflection_RendersOffline()
    {
        using var registry = new FormatterRegistrySnapshot();
        Formatter.ResetToDefault();
        var chart = XPlot.Plotly.Chart.Line(new[] { Tuple.Create(1, 2.0), Tuple.Create(2, 3.0) });
        chart.WithTitle("throughput");
        Assert.DoesNotContain("window.Plotly", Formatter.ToDisplayString(chart, "text/html"));

        ChartFormatters.Register();
        var bundle = HostBundles.Format(chart);
        AssertOfflineBundle(bundle);
        using var figure = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]);
        Assert.Equal([2.0, 3.0], figure.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("Plotly chart \"throughput\": 1 trace (scatter 2 points)", bundle["text/plain"]);
        // XPlot's own page links plotly.js from a CDN; ours never does.
        Assert.Contains("cdn.", chart.GetHtml());
    }

    [Fact]
    public void XPlot_LoadedAfterRegistration_IsPickedUpWhenItLoads()
    {
        ChartFormatters.Register();
        // A second copy of XPlot, loaded only now into its own context: its chart type is new to the Formatter.
        var late = new AssemblyLoadContext("xplot-loaded-late").LoadFromAssemblyPath(typeof(XPlot.Plotly.PlotlyChart).Assembly.Location);
        var chart = Activator.CreateInstance(late.GetType("XPlot.Plotly.PlotlyChart", throwOnError: true)!)!;
        Assert.NotEqual(typeof(XPlot.Plotly.PlotlyChart), chart.GetType());
        Assert.Contains("window.Plotly.newPlot", Formatter.ToDisplayString(chart, "text/html"));
    }
}
