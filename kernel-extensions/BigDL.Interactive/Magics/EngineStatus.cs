using System.Globalization;
using System.Net;
using System.Text;
using BigDL.Native;

namespace BigDL.Interactive.Magics;

/// <summary>Where BigDL work runs now: what <c>#!bigdl status</c> shows (and what the other subcommands return).</summary>
/// <param name="Mode">"local" (training in this process), "local-cluster" (on worker processes of this machine, <c>#!bigdl cluster</c>) or "spark".</param>
/// <param name="NodeNumber">Nodes (processes) training uses: the workers of a local cluster.</param>
/// <param name="CoreNumber">Cores per node (model replicas per node): per worker in a local cluster.</param>
/// <param name="Processors">Logical processors of this machine.</param>
/// <param name="Blas">The BLAS provider in use.</param>
/// <param name="BlasDescription">What the provider reports about itself.</param>
/// <param name="BlasThreads">Threads each BLAS call uses (the Engine splits work over cores itself).</param>
/// <param name="Note">A sentence on what just happened, if anything.</param>
public sealed record EngineStatus(string Mode, int NodeNumber, int CoreNumber, int Processors, string Blas, string BlasDescription, int BlasThreads, string? Note)
{
    /// <summary>The mode of training on worker processes of this machine.</summary>
    public const string LocalCluster = "local-cluster";

    private bool IsLocalCluster => Mode == LocalCluster;

    private string Nodes => IsLocalCluster ? "workers" : "nodes";

    private string CoresPer => IsLocalCluster ? "cores per worker" : "cores per node";

    /// <summary>The engine and BLAS as they are now.</summary>
    public static EngineStatus Current(string? note = null)
    {
        var blas = BigDL.Native.Blas.Current;
        string mode = Engine.OnSpark ? "spark" : Engine.NodeNumber > 1 ? LocalCluster : "local";
        return new EngineStatus(mode, Engine.NodeNumber, Engine.CoreNumber, Environment.ProcessorCount,
            blas.Name, blas.Description, blas.Threads, note);
    }

    /// <summary>Lines as in a console.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Note is not null) text.AppendLine(Note);
        text.AppendLine(CultureInfo.InvariantCulture, $"mode: {Mode}, {Nodes}: {NodeNumber}, {CoresPer}: {CoreNumber} (machine: {Processors})");
        text.Append($"BLAS: {Blas} ({BlasDescription}), {BlasThreads} thread(s) per call");
        return text.ToString();
    }

    /// <summary>A small table for notebooks.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"bigdl-status\">");
        if (Note is not null) html.Append("<p>").Append(WebUtility.HtmlEncode(Note)).Append("</p>");
        html.Append("<table>");
        Row(html, "mode", Mode);
        Row(html, Nodes, NodeNumber.ToString(CultureInfo.InvariantCulture));
        Row(html, CoresPer, string.Create(CultureInfo.InvariantCulture, $"{CoreNumber} (machine: {Processors})"));
        Row(html, "BLAS", $"{Blas} — {BlasDescription}");
        Row(html, "BLAS threads per call", BlasThreads.ToString(CultureInfo.InvariantCulture));
        return html.Append("</table></div>").ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(name)).Append("</th><td style=\"text-align:left\">")
            .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
}
