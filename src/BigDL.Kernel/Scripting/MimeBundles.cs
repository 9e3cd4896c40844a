using System.Text.Json;
using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Turns a value into the MIME bundle a front end shows, through the formatter registry the kernel shares with the
/// code it runs (<see cref="Formatter"/>): the MIME types preferred for the value's type (HTML for most objects), always
/// plus <c>text/plain</c>. JSON MIME types (<c>application/json</c>, <c>application/*+json</c>) carry the parsed JSON.
/// </summary>
internal static class MimeBundles
{
    private const string PlainText = "text/plain";

    /// <summary>
    /// The bundle for <paramref name="value"/>; <paramref name="mimeTypes"/> replaces the preferred ones when given. A
    /// string with explicit MIME types is taken as content of those types, unformatted; HTML content
    /// (<c>IHtmlContent</c>) is sent as HTML only.
    /// </summary>
    public static DisplayData Of(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var data = new Dictionary<string, JsonNode?>();
        if (value is null)
        {
            data[PlainText] = JsonValue.Create(Formatter.NullString);
            return new DisplayData(data, new Dictionary<string, JsonNode?>());
        }
        if (value is Microsoft.AspNetCore.Html.IHtmlContent && mimeTypes is not { Count: > 0 })
        {
            // HTML content (a script, a styled fragment) has no plain-text form worth sending: it would repeat the HTML.
            data["text/html"] = JsonValue.Create(Formatter.ToDisplayString(value, "text/html"));
            return new DisplayData(data, new Dictionary<string, JsonNode?>());
        }
        if (value is string text && mimeTypes is { Count: > 0 })
        {
            // display("<b>hi</b>", "text/html"): the text already is content of the types asked for.
            foreach (string mime in mimeTypes) data[mime] = Represent(mime, text);
            return new DisplayData(data, new Dictionary<string, JsonNode?>());
        }
        IEnumerable<string> wanted = mimeTypes is { Count: > 0 } ? mimeTypes : Preferred(value);
        foreach (string mime in wanted.Append(PlainText).Distinct(StringComparer.Ordinal))
        {
            data[mime] = Represent(mime, Formatter.ToDisplayString(value, mime));
        }
        return new DisplayData(data, new Dictionary<string, JsonNode?>());
    }

    /// <summary>Strings and primitives show as plain text; everything else as the registry prefers for its type.</summary>
    private static IEnumerable<string> Preferred(object value) =>
        value is string || value.GetType().IsPrimitive ? [PlainText] : Formatter.GetPreferredMimeTypesFor(value.GetType());

    private static JsonNode? Represent(string mime, string text)
    {
        if (!IsJson(mime)) return JsonValue.Create(text);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the formatter for {mime} produced text that is not JSON: {e.Message}", e);
        }
    }

    /// <summary>Whether <paramref name="mime"/> carries JSON (<c>application/json</c> or <c>application/*+json</c>).</summary>
    public static bool IsJson(string mime) => mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));
}
