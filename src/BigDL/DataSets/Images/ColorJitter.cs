namespace BigDL.DataSets;

/// <summary>
/// Randomly changes the brightness, contrast and saturation of colour images, in place, the three in a random order.
/// Each step draws α = 1 + uniform(−v, v) for its variance v and blends every value x with a reference r as
/// α·x + (1 − α)·r: brightness with r = 0, contrast with r = the image's mean grey, saturation with r = the pixel's grey.
/// </summary>
/// <remarks>
/// BigDL's <c>ColorJitter()</c> (0.4 for all three, as here by default), itself fb.resnet.torch's. Grey is
/// 0.299·R + 0.587·G + 0.114·B; BigDL applied those weights to the blue, green and red values in that order, i.e. to
/// the wrong channels of its BGR layout. Draws, per image: a permutation of the three steps (Fisher–Yates, two
/// uniforms), then one uniform per step.
/// </remarks>
public sealed class ColorJitter : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    private readonly RandomGenerator? _random;

    /// <summary>Jitter with the given variances (each in [0, 1]; 0 turns a step off without changing the draws).</summary>
    /// <param name="brightness">Variance of the brightness factor.</param>
    /// <param name="contrast">Variance of the contrast factor.</param>
    /// <param name="saturation">Variance of the saturation factor.</param>
    /// <param name="random">The generator drawn from; by default the calling thread's <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A variance is outside [0, 1].</exception>
    public ColorJitter(float brightness = 0.4f, float contrast = 0.4f, float saturation = 0.4f, RandomGenerator? random = null)
    {
        Brightness = Variance(brightness, nameof(brightness));
        Contrast = Variance(contrast, nameof(contrast));
        Saturation = Variance(saturation, nameof(saturation));
        _random = random;
    }

    /// <summary>Variance of the brightness factor.</summary>
    public float Brightness { get; }

    /// <summary>Variance of the contrast factor.</summary>
    public float Contrast { get; }

    /// <summary>Variance of the saturation factor.</summary>
    public float Saturation { get; }

    /// <inheritdoc/>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Jitter(source);
    }

    /// <summary>An independent copy; a generator given to this one is not shared but forked (seeded by its next draw).</summary>
    public override Transformer<LabeledBGRImage, LabeledBGRImage> Clone() => new ColorJitter(Brightness, Contrast, Saturation, Forked.From(_random));

    /// <inheritdoc/>
    public override string ToString() => $"ColorJitter(brightness {Brightness}, contrast {Contrast}, saturation {Saturation})";

    private IEnumerable<LabeledBGRImage> Jitter(IEnumerable<LabeledBGRImage> source)
    {
        var order = new int[3];
        foreach (var image in source)
        {
            var random = _random ?? RandomGenerator.Default;
            RandomOrder(random, order);
            foreach (int step in order) Apply(step, image.Content, random);
            yield return image;
        }
    }

    private static void RandomOrder(RandomGenerator random, int[] order)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = (int)(random.Uniform() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private void Apply(int step, float[] c, RandomGenerator random)
    {
        float variance = step switch { 0 => Brightness, 1 => Contrast, _ => Saturation };
        float alpha = 1f + (float)random.Uniform(-variance, variance), keep = 1f - alpha;
        switch (step)
        {
            case 0:
                for (int i = 0; i < c.Length; i++) c[i] *= alpha;
                break;
            case 1:
                double sum = 0;
                for (int i = 0; i < c.Length; i += 3) sum += Grey(c, i);
                float mean = (float)(sum / (c.Length / 3));
                for (int i = 0; i < c.Length; i++) c[i] = c[i] * alpha + keep * mean;
                break;
            default:
                for (int i = 0; i < c.Length; i += 3)
                {
                    float grey = Grey(c, i);
                    c[i] = c[i] * alpha + keep * grey;
                    c[i + 1] = c[i + 1] * alpha + keep * grey;
                    c[i + 2] = c[i + 2] * alpha + keep * grey;
                }
                break;
        }
    }

    /// <summary>The grey level of the pixel whose blue value is at <paramref name="i"/>.</summary>
    private static float Grey(float[] c, int i) => 0.114f * c[i] + 0.587f * c[i + 1] + 0.299f * c[i + 2];

    private static float Variance(float value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1]");
}
