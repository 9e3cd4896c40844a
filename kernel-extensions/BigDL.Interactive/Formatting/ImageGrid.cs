using System.Numerics;
using BigDL.DataSets;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Image tensors shown side by side in a notebook, each with an optional caption (its label) under it: inline PNG
/// images, no imaging library involved. An image is H×W (grey) or C×H×W with C = 1 (grey) or 3 (red, green and blue
/// planes); each is min-max scaled to 0..255 on its own. At most a given number of images (default
/// <see cref="DefaultMaxImages"/>) are encoded; a note says how many were left out.
/// </summary>
/// <example><c>ImageGrid.Of(samples)</c>, <c>ImageGrid.FromBatch(miniBatch)</c>, <c>ImageGrid.Of(t1, t2)</c>.</example>
public sealed class ImageGrid
{
    /// <summary>How many images a grid shows unless told otherwise.</summary>
    public const int DefaultMaxImages = 64;

    private ImageGrid(IReadOnlyList<GridImage> images, int? omitted)
    {
        Images = images;
        Omitted = omitted;
    }

    /// <summary>Number of images shown.</summary>
    public int Count => Images.Count;

    /// <summary>Images of the source left out beyond the limit: 0 when none; null when there were more but the source
    /// (a lazy sequence) does not say how many.</summary>
    public int? Omitted { get; }

    internal IReadOnlyList<GridImage> Images { get; }

    /// <summary>A grid of <paramref name="images"/>, with <paramref name="captions"/> under them in order (fewer captions
    /// than images leave the rest without).</summary>
    /// <exception cref="ArgumentException">A tensor is not an image (the message gives its position and shape).</exception>
    public static ImageGrid Of<T>(IEnumerable<Tensor<T>> images, IEnumerable<string>? captions = null, int maxImages = DefaultMaxImages)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(images);
        var texts = captions?.Take(maxImages).ToList() ?? [];
        return Collect(images, maxImages, (image, i) => ImagePixels.Encode(image, i < texts.Count ? texts[i] : null, $"{nameof(images)}[{i}]"));
    }

    /// <summary>A grid of the given images, without captions.</summary>
    /// <exception cref="ArgumentException">A tensor is not an image.</exception>
    public static ImageGrid Of<T>(params Tensor<T>[] images) where T : unmanaged, IFloatingPointIeee754<T> =>
        Of((IEnumerable<Tensor<T>>)images);

    /// <summary>A grid of the samples' features, each captioned with its label.</summary>
    /// <exception cref="ArgumentException">A sample's feature is not an image.</exception>
    public static ImageGrid Of<T>(IEnumerable<Sample<T>> samples, int maxImages = DefaultMaxImages) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Collect(samples, maxImages, (sample, i) => ImagePixels.Encode(sample.Feature, LabelText(sample.Label), $"{nameof(samples)}[{i}].Feature"));
    }

    /// <summary>
    /// A grid of the images of a batch, N×H×W or N×C×H×W (C = 1 or 3), captioned with <paramref name="labels"/> (one
    /// entry per image along its first dimension) when given.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is not a batch of images, or the labels do not have one entry per image.</exception>
    public static ImageGrid FromBatch<T>(Tensor<T> batch, Tensor<T>? labels = null, int maxImages = DefaultMaxImages)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sizes = batch.Size();
        if (!ImagePixels.IsImageBatch(sizes))
            throw new ArgumentException($"expected a batch of images [N, H, W], [N, 1, H, W] or [N, 3, H, W], got {Shape.Format(sizes)}", nameof(batch));
        if (labels is not null && !ImagePixels.OneLabelEach(labels, sizes[0]))
            throw new ArgumentException($"expected one label per image ([{sizes[0]}, …]), got {Shape.Format(labels.Size())}", nameof(labels));
        var images = Enumerable.Range(0, sizes[0]).ToList();
        return Collect(images, maxImages, (i, _) => ImagePixels.Encode(batch.Select(0, i), labels is null ? null : LabelText(labels.Select(0, i)), $"{nameof(batch)}[{i}]"));
    }

    /// <summary>A grid of a mini-batch's input images captioned with its targets.</summary>
    /// <exception cref="ArgumentException">The input is not a batch of images, or the target has not one entry per image.</exception>
    public static ImageGrid FromBatch<T>(MiniBatch<T> batch, int maxImages = DefaultMaxImages) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(batch);
        return FromBatch(batch.Input, batch.Target, maxImages);
    }

    /// <summary>A one-line description: <c>ImageGrid(64 images, 936 more not shown)</c>.</summary>
    public override string ToString() => $"ImageGrid({Count} image{(Count == 1 ? "" : "s")}{OmittedText(", ")})";

    /// <summary>The note on images left out, after <paramref name="separator"/>; empty when none were.</summary>
    internal string OmittedText(string separator) => Omitted switch
    {
        0 => "",
        null => separator + "more not shown",
        int n => separator + NumberFormat.Count(n) + " more not shown",
    };

    /// <summary>A label as a caption: its value when it holds one (a class index), else its shape.</summary>
    internal static string LabelText<T>(Tensor<T> label) where T : unmanaged, IFloatingPointIeee754<T> =>
        label.NElement() == 1 ? NumberFormat.Single(double.CreateTruncating(label.Contiguous().AsSpan()[0])) : ShapeText.Of(label.Size());

    private static ImageGrid Collect<TItem>(IEnumerable<TItem> items, int maxImages, Func<TItem, int, GridImage> encode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImages, 1);
        var images = new List<GridImage>();
        bool more = false;
        foreach (var item in items)
        {
            if (images.Count == maxImages)
            {
                more = true;
                break;
            }
            images.Add(encode(item, images.Count));
        }
        int? omitted = !more ? 0 : items.TryGetNonEnumeratedCount(out int total) ? total - maxImages : null;
        return new ImageGrid(images, omitted);
    }
}
