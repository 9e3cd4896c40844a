using System.Text.RegularExpressions;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// IPython's help syntax, kept for C#: a cell that is only a (dotted, possibly generic) name followed or preceded by
/// <c>?</c> asks for that symbol's documentation. Such a cell is never valid C#, so nothing else is taken.
/// </summary>
internal static partial class HelpRequest
{
    /// <summary>The name asked about, or <c>null</c> when <paramref name="code"/> is not a help request.</summary>
    public static string? Match(string code)
    {
        var match = Pattern().Match(code.Trim());
        if (!match.Success) return null;
        return match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value;
    }

    [GeneratedRegex(@"^(?:\?(?<after>[A-Za-z_][\w.<>, ]*)|(?<before>[A-Za-z_][\w.<>, ]*)\?)$")]
    private static partial Regex Pattern();
}
