namespace BigDL.DataSets;

/// <summary>
/// Pads every colour image with <see cref="Padding"/> pixels of 0 on each side, then crops a
/// <see cref="CropWidth"/>×<see cref="CropHeight"/> patch at a random position (CIFAR's usual augmentation).
/// </summary>
/// <remarks>
/// BigDL's <c>BGRImgRdmCropper(cropHeight, cropWidth, padding)</c>, constructor arguments in that order. The left
/// column is drawn first, then the top row, each uniformly over every position where the patch fits in the padded
/// image (BigDL's <c>uniform(0, slack).toInt</c> never chose the last one). The padding is not materialised. Each
/// image gives a new image; the label is kept.
/// </remarks>
public sealed class BGRImgRdmCropper : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    private readonly RandomGenerator? _random;

    /// <summary>Random <paramref name="cropWidth"/>×<paramref name="cropHeight"/> patches of images padded by <paramref name="padding"/>.</summary>
    /// <param name="cropHeight">Height of the patch, in pixels.</param>
    /// <param name="cropWidth">Width of the patch, in pixels.</param>
    /// <param name="padding">Pixels of 0 added on every side before cropping.</param>
    /// <param name="random">The generator positions are drawn from; by default the calling thread's <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or <paramref name="padding"/> is negative.</exception>
    public BGRImgRdmCropper(int cropHeight, int cropWidth, int padding, RandomGenerator? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cropHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cropWidth, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        CropHeight = cropHeight;
        CropWidth = cropWidth;
        Padding = padding;
        _random = random;
    }

    /// <summary>Height of the patch.</summary>
    public int CropHeight { get; }

    /// <summary>Width of the patch.</summary>
    public int CropWidth { get; }

    /// <summary>Pixels of 0 added on every side.</summary>
    public int Padding { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A padded image is smaller than the patch.</exception>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Crop(source);
    }

    /// <summary>An independent copy; a generator given to this one is not shared but forked (seeded by its next draw).</summary>
    public override Transformer<LabeledBGRImage, LabeledBGRImage> Clone() => new BGRImgRdmCropper(CropHeight, CropWidth, Padding, Forked.From(_random));

    /// <inheritdoc/>
    public override string ToString() => $"BGRImgRdmCropper({CropHeight}, {CropWidth}, padding {Padding})";

    private IEnumerable<LabeledBGRImage> Crop(IEnumerable<LabeledBGRImage> source)
    {
        foreach (var image in source)
        {
            int paddedWidth = image.Width + 2 * Padding, paddedHeight = image.Height + 2 * Padding;
            if (paddedWidth < CropWidth || paddedHeight < CropHeight)
                throw new ArgumentException(
                    $"BGRImgRdmCropper expected images padded by {Padding} to be at least {CropWidth}x{CropHeight} (width x height), " +
                    $"got {image.Width}x{image.Height} ({paddedWidth}x{paddedHeight} padded)", nameof(source));
            var random = _random ?? RandomGenerator.Default;
            int left = PixelWindow.Draw(random, paddedWidth - CropWidth) - Padding;
            int top = PixelWindow.Draw(random, paddedHeight - CropHeight) - Padding;
            // The part of the patch that overlaps the image; the rest stays 0.
            int x0 = Math.Max(0, left), x1 = Math.Min(image.Width, left + CropWidth);
            int y0 = Math.Max(0, top), y1 = Math.Min(image.Height, top + CropHeight);
            var patch = new LabeledBGRImage(CropWidth, CropHeight, image.Label);
            if (x1 > x0 && y1 > y0) PixelWindow.Copy(image, x0, y0, patch, x0 - left, y0 - top, x1 - x0, y1 - y0);
            yield return patch;
        }
    }
}
