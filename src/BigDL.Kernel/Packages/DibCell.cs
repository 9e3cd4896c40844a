namespace BigDL.Kernel.Packages;

/// <summary>One cell of a .dib document.</summary>
/// <param name="Kernel">The kernel's name, aliases resolved (<c>#!c#</c> gives <c>csharp</c>, <c>#!md</c> gives
/// <c>markdown</c>).</param>
/// <param name="Text">The cell's text without its marker line, leading and trailing blank lines removed, lines joined with <c>\n</c>.</param>
/// <param name="LineNumber">The line of the document (from 1) where the text starts.</param>
public sealed record DibCell(string Kernel, string Text, int LineNumber)
{
    /// <summary>The C# kernel's name.</summary>
    public const string CSharp = "csharp";

    /// <summary>The name of markdown cells (not a kernel, but a cell kind of the format).</summary>
    public const string Markdown = "markdown";

    /// <summary>Whether the cell is C# code.</summary>
    public bool IsCSharp => Kernel == CSharp;

    /// <summary>Whether the cell is markdown to display.</summary>
    public bool IsMarkdown => Kernel == Markdown;
}
