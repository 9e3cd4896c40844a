namespace BigDL.Interactive.Charts;

/// <summary>The MIME types of a chart's output bundle.</summary>
internal static class MimeTypes
{
    /// <summary>HTML: the static chart, upgraded to an interactive one by a script when plotly.js is loaded.</summary>
    public const string Html = "text/html";

    /// <summary>The Plotly figure JSON, which JupyterLab and VS Code render themselves.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>A one-line summary for text-only front ends.</summary>
    public const string PlainText = "text/plain";

    /// <summary>Every type of a chart bundle, richest first.</summary>
    public static readonly string[] ChartBundle = [Html, Plotly, PlainText];
}
