using System.Text;

namespace BigDL.Interactive.Formatting;

/// <summary>Rows of cells as plain text in aligned columns (the <c>text/plain</c> side of the tabular formatters).</summary>
internal static class TextTable
{
    /// <summary>
    /// The header and rows with every column padded to its widest cell and two spaces between columns; columns in
    /// <paramref name="rightAligned"/> are padded on the left.
    /// </summary>
    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, params int[] rightAligned)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
            for (int c = 0; c < widths.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        var text = new StringBuilder();
        foreach (var row in all)
        {
            for (int c = 0; c < widths.Length; c++)
            {
                bool last = c == widths.Length - 1;
                string cell = rightAligned.Contains(c) ? row[c].PadLeft(widths[c]) : last ? row[c] : row[c].PadRight(widths[c]);
                text.Append(cell).Append(last ? "\n" : "  ");
            }
        }
        return text.ToString().TrimEnd('\n');
    }
}
