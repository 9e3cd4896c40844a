using System.Globalization;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// An <see cref="ImageGrid"/> as HTML: a wrapping row of figures, each an <c>&lt;img&gt;</c> with the PNG inline as a
/// <c>data:</c> URL and its caption, small images scaled up by a whole factor (crisp pixels) to about
/// <see cref="MinimumDisplaySize"/> pixels; then a note on images left out.
/// </summary>
internal static class ImageGridHtml
{
    /// <summary>Images smaller than this (on their longer side) are shown enlarged by a whole factor.</summary>
    public const int MinimumDisplaySize = 64;

    /// <summary>Writes the grid.</summary>
    public static void Write(TextWriter writer, ImageGrid grid)
    {
        writer.Write("<div class=\"bigdl-images\">");
        foreach (var image in grid.Images) WriteFigure(writer, image);
        writer.Write("</div>");
        if (grid.Omitted != 0)
            Html.Div(writer, "bigdl-note", $"{NumberFormat.Count(grid.Count)} images shown{grid.OmittedText(", ")}");
    }

    private static void WriteFigure(TextWriter writer, GridImage image)
    {
        int factor = Math.Max(1, MinimumDisplaySize / Math.Max(image.Width, image.Height));
        writer.Write("<figure><img src=\"data:image/png;base64,");
        writer.Write(Convert.ToBase64String(image.Png));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\" width=\"{image.Width * factor}\" height=\"{image.Height * factor}\" alt=\""));
        writer.Write(Html.Encode(image.Caption ?? "image"));
        writer.Write("\">");
        if (image.Caption is not null)
        {
            writer.Write("<figcaption>");
            writer.Write(Html.Encode(image.Caption));
            writer.Write("</figcaption>");
        }
        writer.Write("</figure>");
    }
}
