namespace BigDL.Interactive.Charts;

/// <summary>One named curve of a chart: its points in drawing order (finite values only) and whether to mark each point.</summary>
internal sealed record LineSeries(string Name, IReadOnlyList<(double X, double Y)> Points, bool Markers = false);
