namespace BigDL.DataSets;

/// <summary>Mirrors colour images left to right, in place, each with probability 1 − <see cref="Threshold"/>.</summary>
/// <remarks>
/// BigDL's <c>HFlip(threshold)</c>: an image is flipped when a uniform draw in [0, 1) is at least the threshold.
/// BigDL's default threshold 0 flipped every image; the default here, 0.5, flips half of them.
/// </remarks>
public sealed class HFlip : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    private readonly RandomGenerator? _random;

    /// <summary>Flips when a uniform draw is at least <paramref name="threshold"/>.</summary>
    /// <param name="threshold">In [0, 1]: 0 flips every image, 1 none.</param>
    /// <param name="random">The generator drawn from; by default the calling thread's <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1].</exception>
    public HFlip(double threshold = 0.5, RandomGenerator? random = null)
    {
        if (threshold is not (>= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in [0, 1]");
        Threshold = threshold;
        _random = random;
    }

    /// <summary>A draw below it leaves the image as it is.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Flip(source);
    }

    /// <summary>An independent copy; a generator given to this one is not shared but forked (seeded by its next draw).</summary>
    public override Transformer<LabeledBGRImage, LabeledBGRImage> Clone() => new HFlip(Threshold, Forked.From(_random));

    /// <inheritdoc/>
    public override string ToString() => $"HFlip({Threshold})";

    private IEnumerable<LabeledBGRImage> Flip(IEnumerable<LabeledBGRImage> source)
    {
        foreach (var image in source)
        {
            if ((_random ?? RandomGenerator.Default).Uniform() >= Threshold) Mirror(image);
            yield return image;
        }
    }

    private static void Mirror(LabeledBGRImage image)
    {
        var c = image.Content;
        int w = image.Width;
        for (int y = 0; y < image.Height; y++)
        {
            int row = 3 * y * w;
            for (int x = 0; x < w / 2; x++)
            {
                int a = row + 3 * x, b = row + 3 * (w - 1 - x);
                (c[a], c[b]) = (c[b], c[a]);
                (c[a + 1], c[b + 1]) = (c[b + 1], c[a + 1]);
                (c[a + 2], c[b + 2]) = (c[b + 2], c[a + 2]);
            }
        }
    }
}
