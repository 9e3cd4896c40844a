namespace BigDL.DataSets;

/// <summary>
/// Crops a <see cref="CropWidth"/>×<see cref="CropHeight"/> patch out of every colour image, at a random position
/// or at the centre (<see cref="Method"/>).
/// </summary>
/// <remarks>
/// BigDL's <c>BGRImgCropper(cropWidth, cropHeight, cropperMethod)</c>. A random patch's top row is drawn first, then
/// its left column, each uniformly over every position where the patch fits (BigDL's <c>ceil(uniform(0.01, slack))</c>
/// never chose the first row or column and failed when the patch was as large as the image). Each image gives a new
/// image; the label is kept.
/// </remarks>
public sealed class BGRImgCropper : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    private readonly RandomGenerator? _random;

    /// <summary>Patches of <paramref name="cropWidth"/>×<paramref name="cropHeight"/>, placed by <paramref name="cropperMethod"/>.</summary>
    /// <param name="cropWidth">Width of the patch, in pixels.</param>
    /// <param name="cropHeight">Height of the patch, in pixels.</param>
    /// <param name="cropperMethod">Random position (the default, as BigDL) or the centre.</param>
    /// <param name="random">The generator random positions are drawn from; by default the calling thread's <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public BGRImgCropper(int cropWidth, int cropHeight, CropperMethod cropperMethod = CropperMethod.Random, RandomGenerator? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cropWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cropHeight, 1);
        CropWidth = cropWidth;
        CropHeight = cropHeight;
        Method = cropperMethod;
        _random = random;
    }

    /// <summary>Width of the patch.</summary>
    public int CropWidth { get; }

    /// <summary>Height of the patch.</summary>
    public int CropHeight { get; }

    /// <summary>Where the patch is taken from.</summary>
    public CropperMethod Method { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An image is smaller than the patch.</exception>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Crop(source);
    }

    /// <summary>An independent copy; a generator given to this one is not shared but forked (seeded by its next draw).</summary>
    public override Transformer<LabeledBGRImage, LabeledBGRImage> Clone() => new BGRImgCropper(CropWidth, CropHeight, Method, Forked.From(_random));

    /// <inheritdoc/>
    public override string ToString() => $"BGRImgCropper({CropWidth}x{CropHeight}, {Method})";

    private IEnumerable<LabeledBGRImage> Crop(IEnumerable<LabeledBGRImage> source)
    {
        foreach (var image in source)
        {
            if (image.Width < CropWidth || image.Height < CropHeight)
                throw new ArgumentException(
                    $"BGRImgCropper expected images of at least {CropWidth}x{CropHeight} (width x height), got {image.Width}x{image.Height}",
                    nameof(source));
            int slackX = image.Width - CropWidth, slackY = image.Height - CropHeight;
            int x, y;
            if (Method == CropperMethod.Center)
            {
                (x, y) = (slackX / 2, slackY / 2);
            }
            else
            {
                var random = _random ?? RandomGenerator.Default;
                y = PixelWindow.Draw(random, slackY);
                x = PixelWindow.Draw(random, slackX);
            }
            var patch = new LabeledBGRImage(CropWidth, CropHeight, image.Label);
            PixelWindow.Copy(image, x, y, patch, 0, 0, CropWidth, CropHeight);
            yield return patch;
        }
    }
}
