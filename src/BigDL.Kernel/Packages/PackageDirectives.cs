using System.Text;
using System.Text.RegularExpressions;

namespace BigDL.Kernel.Packages;

/// <summary>
/// The package directives of one cell, taken out of its code: <c>#r "nuget:Id"</c>, <c>#r "nuget:Id, version"</c> and
/// <c>#i "nuget:source"</c>, each on a line of its own (leading white space and a trailing <c>//</c> comment allowed).
/// Each directive line is left empty in <see cref="Code"/>, so the compiler's line numbers stay those of the cell.
/// Other <c>#r</c> lines (assembly paths) stay in the code for the compiler.
/// </summary>
/// <remarks>Lines are taken as written: a line inside a multi-line string literal that reads exactly like a
/// directive is taken as one.</remarks>
public sealed partial class PackageDirectives
{
    private PackageDirectives(string code, IReadOnlyList<PackageRequest> references, IReadOnlyList<string> sources)
    {
        Code = code;
        References = references;
        Sources = sources;
    }

    /// <summary>The cell's code with every package directive line emptied (line breaks kept).</summary>
    public string Code { get; }

    /// <summary>The packages the cell asks for, in the order written.</summary>
    public IReadOnlyList<PackageRequest> References { get; }

    /// <summary>The package sources (folders or feed URLs) the cell adds with <c>#i</c>, in the order written.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Finds and removes the package directives of <paramref name="code"/>.</summary>
    /// <exception cref="PackageDirectiveException">A directive is malformed; the message quotes it and its line.</exception>
    public static PackageDirectives Extract(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var output = new StringBuilder(code.Length);
        var references = new List<PackageRequest>();
        var sources = new List<string>();
        var lineNumber = 0;
        foreach (var (line, terminator) in Lines(code))
        {
            lineNumber++;
            if (!Candidate().IsMatch(line))
            {
                output.Append(line).Append(terminator);
                continue;
            }

            AddDirective(line.Trim(), lineNumber, references, sources);
            output.Append(terminator);
        }

        return new PackageDirectives(output.ToString(), references, sources);
    }

    private static void AddDirective(string directive, int lineNumber, List<PackageRequest> references, List<string> sources)
    {
        var match = Directive().Match(directive);
        if (!match.Success)
        {
            throw new PackageDirectiveException(directive, lineNumber, "expected #r \"nuget:Id\", #r \"nuget:Id, version\" or #i \"nuget:source\"");
        }

        var body = match.Groups["body"].Value;
        if (match.Groups["kind"].Value == "i")
        {
            sources.Add(body.Trim() is { Length: > 0 } source
                ? source
                : throw new PackageDirectiveException(directive, lineNumber, "the package source is empty"));
            return;
        }

        var comma = body.IndexOf(',', StringComparison.Ordinal);
        var id = (comma < 0 ? body : body[..comma]).Trim();
        var version = comma < 0 ? null : body[(comma + 1)..].Trim();
        references.Add(PackageRequest.TryCreate(id, version, directive, out var error)
            ?? throw new PackageDirectiveException(directive, lineNumber, error!));
    }

    private static IEnumerable<(string Line, string Terminator)> Lines(string code)
    {
        var start = 0;
        while (start < code.Length)
        {
            var end = code.IndexOfAny(['\r', '\n'], start);
            if (end < 0)
            {
                yield return (code[start..], "");
                yield break;
            }

            var length = code[end] == '\r' && end + 1 < code.Length && code[end + 1] == '\n' ? 2 : 1;
            yield return (code[start..end], code.Substring(end, length));
            start = end + length;
        }
    }

    /// <summary>A line that is meant as a package directive, well formed or not.</summary>
    [GeneratedRegex("""^\s*#[ri]\s*"(?i:nuget):""", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>A well-formed package directive (already trimmed).</summary>
    [GeneratedRegex("""^#(?<kind>[ri])\s*"(?i:nuget):(?<body>[^"]*)"\s*(//.*)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
