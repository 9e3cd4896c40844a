using System.Globalization;
using System.Numerics;
using BigDL.NN;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A <see cref="ModelSummary"/> as an HTML table: index, name (indented by depth), type, output shape and parameter
/// count per module, containers in bold, and the totals under it.
/// </summary>
internal static class ModelSummaryHtml
{
    private const double IndentPerLevel = 1.2;

    private static readonly GenericDispatch<Action<object, TextWriter>> AnyModule = new(typeof(Module<>), typeof(ModelSummaryHtml), nameof(WriteModuleObject));

    /// <summary>Writes the table of a module of any element type as it stands (shapes of its last forward pass).</summary>
    public static void WriteModule(TextWriter writer, object module) => AnyModule.For(module)(module, writer);

    /// <summary>Writes the table and the totals.</summary>
    public static void Write(TextWriter writer, ModelSummary summary)
    {
        writer.Write("<table class=\"bigdl-left bigdl-layers\"><thead><tr>");
        foreach (string column in new[] { "#", "Name", "Type", "Output shape" }) Html.Cell(writer, "th", column);
        Html.Cell(writer, "th", "Parameters", "bigdl-num");
        writer.Write("</tr></thead><tbody>");
        foreach (var layer in summary.Layers) WriteRow(writer, layer);
        writer.Write("</tbody></table>");
        Html.Div(writer, "bigdl-note", summary.Totals);
    }

    private static void WriteModuleObject<T>(object module, TextWriter writer) where T : unmanaged, IFloatingPointIeee754<T> =>
        Write(writer, ModelSummary.Of((Module<T>)module));

    private static void WriteRow(TextWriter writer, LayerSummary layer)
    {
        writer.Write(layer.IsContainer ? "<tr class=\"bigdl-container\">" : "<tr>");
        Html.Cell(writer, "td", layer.Index);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<td style=\"padding-left:{0.5 + IndentPerLevel * layer.Depth}em\">"));
        writer.Write(Html.Encode(layer.Name));
        writer.Write("</td>");
        Html.Cell(writer, "td", layer.Type);
        Html.Cell(writer, "td", layer.OutputShape);
        Html.Cell(writer, "td", NumberFormat.Count(layer.Parameters), "bigdl-num");
        writer.Write("</tr>");
    }
}
