using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using BigDL.Kernel.Execution;
using Microsoft.CodeAnalysis;

namespace BigDL.Kernel.Scripting;

/// <summary>What <c>inspect</c> shows for a symbol: its signature and the summary of its XML documentation; at
/// detail level 1 also its parameters, return value and remarks.</summary>
internal static class SymbolDocumentation
{
    public static DisplayData Describe(ISymbol symbol, int detailLevel)
    {
        var text = new StringBuilder(symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
        text.Append(" (").Append(Kind(symbol)).Append(')');
        var doc = Parse(symbol.GetDocumentationCommentXml(expandIncludes: true));
        if (doc is not null)
        {
            AppendSection(text, null, doc.Element("summary"));
            if (detailLevel > 0)
            {
                foreach (var p in doc.Elements("param")) AppendSection(text, $"{p.Attribute("name")?.Value}: ", p);
                AppendSection(text, "Returns: ", doc.Element("returns"));
                AppendSection(text, "Remarks: ", doc.Element("remarks"));
            }
        }
        var data = new Dictionary<string, JsonNode?> { ["text/plain"] = JsonValue.Create(text.ToString()) };
        return new DisplayData(data, new Dictionary<string, JsonNode?>());
    }

    private static string Kind(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol t => t.TypeKind.ToString().ToLowerInvariant(),
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        ILocalSymbol => "local variable",
        IParameterSymbol => "parameter",
        INamespaceSymbol => "namespace",
        IEventSymbol => "event",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    private static XElement? Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static void AppendSection(StringBuilder text, string? label, XElement? element)
    {
        if (element is null) return;
        string body = string.Join(" ", Flatten(element).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (body.Length == 0) return;
        text.Append('\n').Append(label).Append(body);
    }

    /// <summary>The element's text, with <c>&lt;see cref="T:X"/&gt;</c> and <c>&lt;paramref name="x"/&gt;</c> shown as their names.</summary>
    private static string Flatten(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText t => t.Value,
        XElement e when e.Attribute("cref") is { } cref => Shorten(cref.Value),
        XElement e when e.Attribute("name") is { } name => name.Value,
        XElement e when e.Attribute("langword") is { } word => word.Value,
        XElement e => Flatten(e),
        _ => "",
    }));

    private static string Shorten(string cref) => cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
}
