using System.Globalization;
using System.Numerics;
using BigDL.DataSets;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Data set records as HTML: a sample, a list of samples or a mini-batch whose features are images shows as an image
/// grid captioned with the labels; otherwise each record shows its feature and label tensors.
/// </summary>
internal static class RecordHtml
{
    private static readonly GenericDispatch<Action<object, TextWriter>> AnySample = new(typeof(Sample<>), typeof(RecordHtml), nameof(WriteSampleObject));
    private static readonly GenericDispatch<Action<object, TextWriter>> AnyMiniBatch = new(typeof(MiniBatch<>), typeof(RecordHtml), nameof(WriteMiniBatchObject));

    /// <summary>Writes a sample of any element type.</summary>
    public static void WriteSample(TextWriter writer, object sample) => AnySample.For(sample)(sample, writer);

    /// <summary>Writes a mini-batch of any element type.</summary>
    public static void WriteMiniBatch(TextWriter writer, object batch) => AnyMiniBatch.For(batch)(batch, writer);

    /// <summary>Writes an image sample as a one-image grid, any other as its feature and label.</summary>
    public static void Write<T>(TextWriter writer, Sample<T> sample) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ImagePixels.IsImage(sample.Feature.Size())) ImageGridHtml.Write(writer, ImageGrid.Of([sample]));
        else WritePair(writer, "feature", sample.Feature, "label", sample.Label);
    }

    /// <summary>
    /// Writes samples as an image grid when the features of the first <see cref="ImageGrid.DefaultMaxImages"/> are
    /// images, else as a clipped list of samples.
    /// </summary>
    public static void Write<T>(TextWriter writer, IReadOnlyList<Sample<T>> samples) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Html.Div(writer, "bigdl-title", $"{NumberFormat.Count(samples.Count)} sample{(samples.Count == 1 ? "" : "s")}");
        if (samples.Count == 0) return;
        if (samples.Take(ImageGrid.DefaultMaxImages).All(s => ImagePixels.IsImage(s.Feature.Size())))
        {
            ImageGridHtml.Write(writer, ImageGrid.Of(samples));
            return;
        }
        writer.Write("<table class=\"bigdl-left\"><tbody>");
        foreach (int i in Clip.Indices(samples.Count, TableHtml.EntryLimit))
        {
            writer.Write("<tr>");
            Html.Cell(writer, "th", i == Clip.Gap ? "⋮" : i.ToString(CultureInfo.InvariantCulture));
            writer.Write("<td class=\"bigdl-nested\">");
            if (i == Clip.Gap) writer.Write(Html.Encode($"{NumberFormat.Count(Clip.Hidden(samples.Count))} more samples"));
            else Write(writer, samples[i]);
            writer.Write("</td></tr>");
        }
        writer.Write("</tbody></table>");
    }

    /// <summary>Writes a batch of images as a grid captioned with its targets, any other batch as its input and target.</summary>
    public static void Write<T>(TextWriter writer, MiniBatch<T> batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Html.Div(writer, "bigdl-title", $"MiniBatch of {NumberFormat.Count(batch.Size)}");
        if (ImagePixels.IsImageBatch(batch.Input.Size()) && ImagePixels.OneLabelEach(batch.Target, batch.Size)) ImageGridHtml.Write(writer, ImageGrid.FromBatch(batch));
        else WritePair(writer, "input", batch.Input, "target", batch.Target);
    }

    private static void WritePair<T>(TextWriter writer, string first, Tensor<T> a, string second, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        writer.Write("<table class=\"bigdl-left\"><tbody><tr>");
        Html.Cell(writer, "th", first);
        writer.Write("<td>");
        TensorHtml.Write(writer, a);
        writer.Write("</td></tr><tr>");
        Html.Cell(writer, "th", second);
        writer.Write("<td>");
        TensorHtml.Write(writer, b);
        writer.Write("</td></tr></tbody></table>");
    }

    private static void WriteSampleObject<T>(object sample, TextWriter writer) where T : unmanaged, IFloatingPointIeee754<T> => Write(writer, (Sample<T>)sample);

    private static void WriteMiniBatchObject<T>(object batch, TextWriter writer) where T : unmanaged, IFloatingPointIeee754<T> => Write(writer, (MiniBatch<T>)batch);
}
