namespace BigDL.Kernel.Packages;

/// <summary>A <c>#r "nuget:…"</c> or <c>#i "nuget:…"</c> line that cannot be understood; the message quotes it.</summary>
public sealed class PackageDirectiveException : Exception
{
    /// <summary>An error about <paramref name="directive"/> on line <paramref name="lineNumber"/> (1-based).</summary>
    public PackageDirectiveException(string directive, int lineNumber, string reason)
        : base($"Malformed package directive on line {lineNumber}, '{directive}': {reason}.")
    {
        Directive = directive;
        LineNumber = lineNumber;
    }

    /// <summary>The directive as written (without leading and trailing white space).</summary>
    public string Directive { get; }

    /// <summary>The line of the cell it is on, from 1.</summary>
    public int LineNumber { get; }
}
