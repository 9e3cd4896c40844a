using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Which tensors are images, and their pixels as PNG: H×W (grey) or C×H×W with C = 1 (grey) or 3 (planes red,
/// green, blue, as BigDL's batching makes them), min-max scaled to 0..255 per image.
/// </summary>
internal static class ImagePixels
{
    /// <summary>True for sizes H×W, 1×H×W or 3×H×W.</summary>
    public static bool IsImage(ReadOnlySpan<int> sizes) => sizes.Length switch
    {
        2 => sizes[0] > 0 && sizes[1] > 0,
        3 => sizes[0] is 1 or 3 && sizes[1] > 0 && sizes[2] > 0,
        _ => false,
    };

    /// <summary>True for a batch of such images along the first dimension: N×H×W, N×1×H×W or N×3×H×W.</summary>
    public static bool IsImageBatch(ReadOnlySpan<int> sizes) => sizes.Length is 3 or 4 && IsImage(sizes[1..]);

    /// <summary>True when <paramref name="labels"/> has one entry per image of a batch of <paramref name="images"/>.</summary>
    public static bool OneLabelEach<T>(Tensor<T> labels, int images) where T : unmanaged, IFloatingPointIeee754<T> =>
        labels.Dim() > 0 && labels.Size(0) == images;

    /// <summary>
    /// The image as PNG: the smallest finite value becomes 0 and the largest 255; a constant image is all 0, NaN is 0,
    /// −∞ is 0 and +∞ is 255.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not an image.</exception>
    public static GridImage Encode<T>(Tensor<T> image, string? caption, string argument) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sizes = image.Size();
        if (!IsImage(sizes))
            throw new ArgumentException($"expected an image [H, W], [1, H, W] or [3, H, W], got {Shape.Format(sizes)}", argument);
        int channels = sizes.Length == 3 ? sizes[0] : 1;
        int height = sizes[^2], width = sizes[^1];
        var values = image.Contiguous().AsSpan();
        var (min, scale) = Range(values);
        int plane = height * width;
        var pixels = new byte[plane * channels];
        for (int c = 0; c < channels; c++)
            for (int p = 0; p < plane; p++)
                pixels[p * channels + c] = Scaled(double.CreateTruncating(values[c * plane + p]), min, scale);
        return new GridImage(Png.Encode(pixels, width, height, channels), width, height, caption);
    }

    private static (double Min, double Scale) Range<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            double v = double.CreateTruncating(value);
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return max > min ? (min, 255 / (max - min)) : (0, 0);
    }

    private static byte Scaled(double value, double min, double scale)
    {
        if (double.IsNaN(value)) return 0;
        if (double.IsInfinity(value)) return value > 0 ? byte.MaxValue : byte.MinValue;
        return (byte)Math.Clamp(Math.Round((value - min) * scale), 0, 255);
    }
}
