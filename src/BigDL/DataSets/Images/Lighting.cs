namespace BigDL.DataSets;

/// <summary>
/// AlexNet's PCA lighting noise, in place: every pixel of an image gets the same offset
/// Σⱼ eigvecⱼ · αⱼ · eigvalⱼ added to its (R, G, B), with α drawn per image from a normal distribution of mean 0 and
/// standard deviation <see cref="AlphaStd"/>.
/// </summary>
/// <remarks>
/// BigDL's <c>Lighting()</c>, with its (ImageNet) eigenvalues and eigenvectors, which are in RGB order. Two things
/// differ from BigDL, following AlexNet and fb.resnet.torch, which BigDL ported: α is normal (BigDL drew
/// uniform(0, 0.1), so it only ever brightened), and the red offset goes to red (BigDL added it to its first value,
/// blue). Draws, per image: three normals (α for the three eigenvectors in order).
/// </remarks>
public sealed class Lighting : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    /// <summary>BigDL's eigenvalues of the RGB covariance.</summary>
    internal static readonly float[] EigenValues = [0.2175f, 0.0188f, 0.0045f];

    /// <summary>BigDL's eigenvectors as columns: row c is the red, green or blue component of the three.</summary>
    internal static readonly float[,] EigenVectors =
    {
        { -0.5675f, 0.7192f, 0.4009f },
        { -0.5808f, -0.0045f, -0.8140f },
        { -0.5836f, -0.6948f, 0.4203f },
    };

    private readonly RandomGenerator? _random;

    /// <summary>Lighting noise of strength <paramref name="alphaStd"/> (0 leaves images unchanged and draws nothing).</summary>
    /// <param name="alphaStd">Standard deviation of the per-eigenvector factors α (BigDL: 0.1).</param>
    /// <param name="random">The generator drawn from; by default the calling thread's <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alphaStd"/> is negative or not finite.</exception>
    public Lighting(float alphaStd = 0.1f, RandomGenerator? random = null)
    {
        if (!(alphaStd >= 0) || !float.IsFinite(alphaStd))
            throw new ArgumentOutOfRangeException(nameof(alphaStd), alphaStd, "alphaStd must be 0 or positive and finite");
        AlphaStd = alphaStd;
        _random = random;
    }

    /// <summary>Standard deviation of the per-eigenvector factors.</summary>
    public float AlphaStd { get; }

    /// <inheritdoc/>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Light(source);
    }

    /// <summary>An independent copy; a generator given to this one is not shared but forked (seeded by its next draw).</summary>
    public override Transformer<LabeledBGRImage, LabeledBGRImage> Clone() => new Lighting(AlphaStd, Forked.From(_random));

    /// <inheritdoc/>
    public override string ToString() => $"Lighting({AlphaStd})";

    /// <summary>The (R, G, B) offset for factors <paramref name="alpha"/>.</summary>
    internal static (float R, float G, float B) Offset(ReadOnlySpan<double> alpha)
    {
        Span<float> rgb = stackalloc float[3];
        for (int c = 0; c < 3; c++)
            for (int j = 0; j < 3; j++) rgb[c] += (float)(EigenVectors[c, j] * alpha[j] * EigenValues[j]);
        return (rgb[0], rgb[1], rgb[2]);
    }

    private IEnumerable<LabeledBGRImage> Light(IEnumerable<LabeledBGRImage> source)
    {
        foreach (var image in source)
        {
            if (AlphaStd > 0) Shift(image.Content, _random ?? RandomGenerator.Default);
            yield return image;
        }
    }

    private void Shift(float[] c, RandomGenerator random)
    {
        Span<double> alpha = [random.Normal(0, AlphaStd), random.Normal(0, AlphaStd), random.Normal(0, AlphaStd)];
        var (r, g, b) = Offset(alpha);
        for (int i = 0; i < c.Length; i += 3)
        {
            c[i] += b;
            c[i + 1] += g;
            c[i + 2] += r;
        }
    }
}
