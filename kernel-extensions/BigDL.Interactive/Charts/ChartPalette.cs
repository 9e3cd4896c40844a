namespace BigDL.Interactive.Charts;

/// <summary>The curve colours, shared by the SVG and the Plotly rendering so both show a series in the same colour.</summary>
internal static class ChartPalette
{
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The colour of the <paramref name="index"/>-th series of a panel.</summary>
    public static string Color(int index) => Colors[index % Colors.Length];
}
