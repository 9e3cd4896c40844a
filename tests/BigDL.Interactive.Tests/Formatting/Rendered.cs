using System.Text.RegularExpressions;
using BigDL.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Tests.Formatting;

/// <summary>What the formatter registry makes of a value once BigDL's formatters are registered, as the hosts ask for it.</summary>
internal static partial class Rendered
{
    public const string HtmlMime = "text/html";
    public const string PlainMime = "text/plain";

    public static string Html(object value)
    {
        BigDLFormatters.Register();
        return value.ToDisplayString(HtmlMime);
    }

    public static string Plain(object value)
    {
        BigDLFormatters.Register();
        return value.ToDisplayString(PlainMime);
    }

    /// <summary>How many times <paramref name="fragment"/> occurs in <paramref name="text"/>.</summary>
    public static int Count(string text, string fragment) => Regex.Matches(text, Regex.Escape(fragment)).Count;

    /// <summary>The text of every <c>&lt;td&gt;</c> cell, in order.</summary>
    public static string[] Cells(string html) => [.. CellPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The text of every <c>&lt;div class="bigdl-…"&gt;</c> of the given class, in order.</summary>
    public static string[] Divs(string html, string cssClass) =>
        [.. Regex.Matches(html, $"<div class=\"{Regex.Escape(cssClass)}\">([^<]*)</div>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<td(?: [^>]*)?>([^<]*)</td>")]
    private static partial Regex CellPattern();
}
