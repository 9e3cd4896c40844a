namespace BigDL.Interactive.Charts;

/// <summary>One plot of a chart: a title, axis labels and the curves drawn on its axes.</summary>
internal sealed record ChartPanel(string Title, string XLabel, string YLabel, IReadOnlyList<LineSeries> Series);
