using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace BigDL.Interactive.Charts;

/// <summary>
/// Makes users' own charts render inline without network: a Plotly.NET <see cref="GenericChart"/> (otherwise shown as
/// an object tree) and, when its assembly is loaded, an XPlot.Plotly <c>PlotlyChart</c> (otherwise linking plotly.js
/// from the internet) each become one bundle: HTML drawing with the page's plotly.js (<see cref="PlotlyJs"/>), the
/// Plotly figure JSON, and a one-line summary.
/// </summary>
/// <remarks>A user's chart is only read (<see cref="GenericChart.toFigureJson"/>): setting its display options instead
/// would change the options object the chart holds.</remarks>
public static class ChartFormatters
{
    private const string XPlotAssembly = "XPlot.Plotly", XPlotChart = "XPlot.Plotly.PlotlyChart";
    private const string StaticNote = "<div style=\"color:#888\">interactive Plotly chart: shows once plotly.js is loaded (BigDL.Interactive loads it with the extension)</div>";

    private static readonly Lock Gate = new();
    private static bool _watchingAssemblies;

    /// <summary>
    /// Registers the formatters with <see cref="Formatter"/>: Plotly.NET's now, XPlot's now if XPlot.Plotly is loaded
    /// and otherwise as soon as it loads. Safe to call again (after <see cref="Formatter.ResetToDefault"/>, say).
    /// </summary>
    public static void Register()
    {
        RegisterFigure(typeof(GenericChart), chart => GenericChart.toFigureJson((GenericChart)chart));
        lock (Gate)
        {
            if (!_watchingAssemblies) AppDomain.CurrentDomain.AssemblyLoad += (_, e) => RegisterXPlot(e.LoadedAssembly);
            _watchingAssemblies = true;
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) RegisterXPlot(assembly);
    }

    /// <summary>The figure-bundle formatters for <paramref name="type"/> and its subclasses in its assembly.</summary>
    internal static void RegisterFigure(Type type, Func<object, string> figureJson)
    {
        var types = type.Assembly.GetTypes().Where(t => t.IsSubclassOf(type)).Prepend(type).ToArray();
        foreach (var t in types)
        {
            Formatter.Register(t, (value, writer) => writer.Write(PlotlyHtml.Div(figureJson(value), StaticNote)), MimeTypes.Html);
            Formatter.Register(t, (value, writer) => writer.Write(figureJson(value)), MimeTypes.Plotly);
            Formatter.Register(t, (value, writer) => writer.Write(PlotlySummary.Of(figureJson(value))), MimeTypes.PlainText);
            Formatter.SetPreferredMimeTypesFor(t, MimeTypes.ChartBundle);
        }
    }

    /// <summary>Registers XPlot's chart type if <paramref name="assembly"/> is XPlot.Plotly, by reflection.</summary>
    private static void RegisterXPlot(Assembly assembly)
    {
        if (assembly.GetName().Name != XPlotAssembly || assembly.GetType(XPlotChart) is not { } chart) return;
        if (chart.GetMethod("GetPlottingJS", Type.EmptyTypes) is not { } plotting || plotting.ReturnType != typeof(string)) return;
        RegisterFigure(chart, value => XPlotFigure.FromPlottingJs((string)plotting.Invoke(value, null)!));
    }
}
