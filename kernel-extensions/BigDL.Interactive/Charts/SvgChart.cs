using System.Globalization;
using System.Security;
using System.Text;

namespace BigDL.Interactive.Charts;

/// <summary>
/// Draws panels side by side as one static SVG: per panel a title, axes with nice ticks and grid lines, a polyline per
/// series (with point markers where asked) and a legend. Needs no script, so it shows in every front end, in
/// sanitised (untrusted) output and in exported HTML.
/// </summary>
internal static class SvgChart
{
    /// <summary>The width of one panel, in pixels.</summary>
    public const int PanelWidth = 460;

    /// <summary>The height of the chart, in pixels.</summary>
    public const int Height = 280;

    private const int Left = 58, Right = 14, Top = 30, Bottom = 42;
    private const int PlotWidth = PanelWidth - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>The SVG document of <paramref name="panels"/>, left to right.</summary>
    public static string Render(IReadOnlyList<ChartPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("a chart needs at least one panel, got none", nameof(panels));
        int width = PanelWidth * panels.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" ")
           .Append("font-family=\"sans-serif\" font-size=\"11\" style=\"max-width:100%;height:auto\">");
        for (int p = 0; p < panels.Count; p++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({p * PanelWidth},0)\">");
            Panel(svg, panels[p]);
            svg.Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Panel(StringBuilder svg, ChartPanel panel)
    {
        Text(svg, PanelWidth / 2.0, 18, panel.Title, "middle", "font-size=\"13\" font-weight=\"bold\"");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"plot-area\" x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"#fafafa\" stroke=\"none\"/>");
        var points = panel.Series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            Text(svg, Left + PlotWidth / 2.0, Top + PlotHeight / 2.0, "waiting for data", "middle", "fill=\"#888\"");
            return;
        }
        var x = NiceAxis.Covering(points.Min(q => q.X), points.Max(q => q.X));
        var y = NiceAxis.Covering(points.Min(q => q.Y), points.Max(q => q.Y));
        Axes(svg, x, y, panel);
        for (int s = 0; s < panel.Series.Count; s++) Series(svg, panel.Series[s], ChartPalette.Color(s), x, y);
        Legend(svg, panel.Series);
    }

    private static void Axes(StringBuilder svg, NiceAxis x, NiceAxis y, ChartPanel panel)
    {
        foreach (double tick in x.Ticks)
        {
            double px = PixelX(x, tick);
            Line(svg, px, Top, px, Top + PlotHeight, "#e4e4e4");
            Line(svg, px, Top + PlotHeight, px, Top + PlotHeight + 4, "#444");
            Text(svg, px, Top + PlotHeight + 16, x.Label(tick), "middle");
        }
        foreach (double tick in y.Ticks)
        {
            double py = PixelY(y, tick);
            Line(svg, Left, py, Left + PlotWidth, py, "#e4e4e4");
            Line(svg, Left - 4, py, Left, py, "#444");
            Text(svg, Left - 7, py + 4, y.Label(tick), "end");
        }
        Line(svg, Left, Top, Left, Top + PlotHeight, "#444");
        Line(svg, Left, Top + PlotHeight, Left + PlotWidth, Top + PlotHeight, "#444");
        Text(svg, Left + PlotWidth / 2.0, Height - 6, panel.XLabel, "middle");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"14\" y=\"{Top + PlotHeight / 2.0:0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Top + PlotHeight / 2.0:0.#})\">{SecurityElement.Escape(panel.YLabel)}</text>");
    }

    private static void Series(StringBuilder svg, LineSeries series, string color, NiceAxis x, NiceAxis y)
    {
        if (series.Points.Count == 0) return;
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"");
        foreach (var (px, py) in series.Points)
            svg.Append(CultureInfo.InvariantCulture, $"{PixelX(x, px):0.#},{PixelY(y, py):0.#} ");
        svg.Length--;
        svg.Append("\"/>");
        if (!series.Markers) return;
        foreach (var (px, py) in series.Points)
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{PixelX(x, px):0.#}\" cy=\"{PixelY(y, py):0.#}\" r=\"3\" fill=\"{color}\"/>");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<LineSeries> series)
    {
        double right = Left + PlotWidth - 6;
        int longest = series.Max(s => s.Name.Length);
        double width = 30 + longest * 6.2;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{right - width:0.#}\" y=\"{Top + 4}\" width=\"{width:0.#}\" height=\"{series.Count * 15 + 6}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>");
        for (int s = 0; s < series.Count; s++)
        {
            double row = Top + 16 + s * 15;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{right - width + 6:0.#}\" y1=\"{row - 4}\" x2=\"{right - width + 22:0.#}\" y2=\"{row - 4}\" stroke=\"{ChartPalette.Color(s)}\" stroke-width=\"2\"/>");
            Text(svg, right - width + 26, row, series[s].Name, "start");
        }
    }

    private static double PixelX(NiceAxis axis, double value) => Left + axis.Fraction(value) * PlotWidth;

    private static double PixelY(NiceAxis axis, double value) => Top + (1 - axis.Fraction(value)) * PlotHeight;

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string color)
        => svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{color}\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, string attributes = "")
        => svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" {attributes}>{SecurityElement.Escape(text)}</text>");
}
