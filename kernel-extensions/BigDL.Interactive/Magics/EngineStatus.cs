using System.Net;
using System.Text;
using BigDL.Native;

namespace BigDL.Interactive.Magics;

/// <summary>Where BigDL work runs now: what <c>#!bigdl status</c> shows (and what the other subcommands return).</summary>
/// <param name="Mode">"local" (this process), or a cluster mode once one is running.</param>
/// <param name="NodeNumber">Nodes (processes) training uses.</param>
/// <param name="CoreNumber">Cores per node (model replicas per node).</param>
/// <param name="Processors">Logical processors of this machine.</param>
/// <param name="Blas">The BLAS provider in use.</param>
/// <param name="BlasDescription">What the provider reports about itself.</param>
/// <param name="BlasThreads">Threads each BLAS call uses (the Engine splits work over cores itself).</param>
/// <param name="Note">A sentence on what just happened, if anything.</param>
public sealed record EngineStatus(string Mode, int NodeNumber, int CoreNumber, int Processors, string Blas, string BlasDescription, int BlasThreads, string? Note)
{
    /// <summary>The engine and BLAS as they are now.</summary>
    public static EngineStatus Current(string? note = null)
    {
        var blas = BigDL.Native.Blas.Current;
        return new EngineStatus(Engine.OnSpark ? "spark" : "local", Engine.NodeNumber, Engine.CoreNumber, Environment.ProcessorCount,
            blas.Name, blas.Description, blas.Threads, note);
    }

    /// <summary>Lines as in a console.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Note is not null) text.AppendLine(Note);
        text.AppendLine($"mode: {Mode}, nodes: {NodeNumber}, cores per node: {CoreNumber} (machine: {Processors})");
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
        Row(html, "nodes", NodeNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(html, "cores per node", $"{CoreNumber} (machine: {Processors})");
        Row(html, "BLAS", $"{Blas} — {BlasDescription}");
        Row(html, "BLAS threads per call", BlasThreads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return html.Append("</table></div>").ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(name)).Append("</th><td style=\"text-align:left\">")
            .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
}
