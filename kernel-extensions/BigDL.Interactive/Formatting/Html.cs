using System.Buffers;
using System.Text;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// The HTML every BigDL formatter writes: one <c>&lt;div class="bigdl"&gt;</c> per output with a small style sheet
/// whose rules all start with <c>.bigdl</c>, so they never restyle the rest of the notebook.
/// </summary>
internal static class Html
{
    /// <summary>The style sheet, scoped to <c>.bigdl</c> (written once per output, about 1.2 KB).</summary>
    internal const string Style =
        "<style>" +
        ".bigdl{font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:12px;line-height:1.35}" +
        ".bigdl table{border-collapse:collapse;margin:2px 0 6px 0;width:auto}" +
        ".bigdl th,.bigdl td{padding:1px 6px;border:none;text-align:right;vertical-align:top}" +
        ".bigdl td{font-family:var(--jp-code-font-family,monospace)}" +
        ".bigdl th{color:#888;font-weight:normal}" +
        ".bigdl tbody tr:nth-child(odd){background:rgba(127,127,127,.07)}" +
        ".bigdl .bigdl-title{font-weight:600;margin:2px 0}" +
        ".bigdl .bigdl-note{color:#888;font-style:italic;margin:2px 0}" +
        ".bigdl .bigdl-slice{color:#888;font-family:var(--jp-code-font-family,monospace);margin-top:4px}" +
        ".bigdl .bigdl-nested{margin-left:.4em;padding-left:.6em;border-left:2px solid rgba(127,127,127,.3)}" +
        ".bigdl .bigdl-left td,.bigdl .bigdl-left th{text-align:left}" +
        ".bigdl .bigdl-left td.bigdl-num,.bigdl .bigdl-left th.bigdl-num{text-align:right}" +
        ".bigdl tr.bigdl-container td{font-weight:600}" +
        ".bigdl .bigdl-images{display:flex;flex-wrap:wrap;gap:6px;align-items:flex-end}" +
        ".bigdl figure{margin:0;text-align:center}" +
        ".bigdl figure img{image-rendering:pixelated;display:block;margin:auto}" +
        ".bigdl figcaption{font-family:var(--jp-code-font-family,monospace);color:#666}" +
        "</style>";

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>Writes one output: the scoped container and style sheet around what <paramref name="body"/> writes.</summary>
    public static void Document(TextWriter writer, Action<TextWriter> body)
    {
        writer.Write("<div class=\"bigdl\">");
        writer.Write(Style);
        body(writer);
        writer.Write("</div>");
    }

    /// <summary>
    /// <paramref name="text"/> with <c>&amp; &lt; &gt; " '</c> escaped, safe inside elements and quoted attribute values;
    /// other characters (×, ·, ⋮) stay as they are, the output being UTF-8.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Special) < 0) return text ?? "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null) escaped.Append(c);
            else escaped.Append(entity);
        }
        return escaped.ToString();
    }

    /// <summary>Writes <c>&lt;div class="…"&gt;text&lt;/div&gt;</c> with the text escaped.</summary>
    public static void Div(TextWriter writer, string cssClass, string text)
    {
        writer.Write("<div class=\"");
        writer.Write(cssClass);
        writer.Write("\">");
        writer.Write(Encode(text));
        writer.Write("</div>");
    }

    /// <summary>Writes a cell, <c>&lt;td&gt;</c> or <c>&lt;th&gt;</c>, with the text escaped and an optional class.</summary>
    public static void Cell(TextWriter writer, string tag, string text, string? cssClass = null)
    {
        writer.Write('<');
        writer.Write(tag);
        if (cssClass is not null)
        {
            writer.Write(" class=\"");
            writer.Write(cssClass);
            writer.Write('"');
        }
        writer.Write('>');
        writer.Write(Encode(text));
        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
    }
}
