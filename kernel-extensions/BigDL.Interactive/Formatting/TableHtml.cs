using System.Globalization;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A <see cref="Table"/> as HTML: a header with its entry count, then each 0-based key beside its value — a tensor
/// by its header and clipped body, a nested table indented below its key. Beyond <see cref="EntryLimit"/> entries the
/// first and last <see cref="Clip.Edge"/> are shown; nesting deeper than <see cref="DepthLimit"/> (a table holding
/// itself, say) is cut off with a note.
/// </summary>
internal static class TableHtml
{
    /// <summary>Entries shown in full; longer tables are clipped.</summary>
    public const int EntryLimit = 20;

    /// <summary>Levels of nested tables shown.</summary>
    public const int DepthLimit = 8;

    /// <summary>Writes <paramref name="table"/> at nesting level <paramref name="depth"/> (0 for the outermost).</summary>
    public static void Write(TextWriter writer, Table table, int depth = 0)
    {
        Html.Div(writer, "bigdl-title", $"Table ({NumberFormat.Count(table.Count)} {(table.Count == 1 ? "entry" : "entries")})");
        if (table.Count == 0) return;
        if (depth >= DepthLimit)
        {
            Html.Div(writer, "bigdl-note", $"… nested deeper than {DepthLimit} levels");
            return;
        }
        writer.Write("<table class=\"bigdl-left\"><tbody>");
        foreach (int i in Clip.Indices(table.Count, EntryLimit))
        {
            writer.Write("<tr>");
            if (i == Clip.Gap)
            {
                Html.Cell(writer, "th", "⋮");
                Html.Cell(writer, "td", $"{NumberFormat.Count(Clip.Hidden(table.Count))} more entries");
            }
            else
            {
                Html.Cell(writer, "th", i.ToString(CultureInfo.InvariantCulture));
                writer.Write("<td class=\"bigdl-nested\">");
                WriteValue(writer, table[i], depth + 1);
                writer.Write("</td>");
            }
            writer.Write("</tr>");
        }
        writer.Write("</tbody></table>");
    }

    private static void WriteValue(TextWriter writer, IActivity value, int depth)
    {
        if (value is Table nested) Write(writer, nested, depth);
        else if (TensorHtml.IsTensor(value)) TensorHtml.WriteAny(writer, value);
        else Html.Div(writer, "bigdl-note", value.ToString() ?? value.GetType().Name);
    }
}
