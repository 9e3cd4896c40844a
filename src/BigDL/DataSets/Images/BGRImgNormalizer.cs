namespace BigDL.DataSets;

/// <summary>
/// Normalises colour images in place, per channel: red values become (r − <see cref="MeanR"/>) / <see cref="StdR"/>,
/// green and blue likewise.
/// </summary>
/// <remarks>
/// BigDL's <c>BGRImgNormalizer(meanR, meanG, meanB, stdR, stdG, stdB)</c>; <see cref="FromDataSet"/> is its
/// <c>BGRImgNormalizer(dataSet, samples)</c>. The images passing through are changed, as in BigDL, so place it after
/// a decoder or cropper that makes new images on every pass.
/// </remarks>
public sealed class BGRImgNormalizer : Transformer<LabeledBGRImage, LabeledBGRImage>
{
    /// <summary>Subtracts each channel's mean, then divides by its standard deviation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a standard deviation is not positive and finite.</exception>
    public BGRImgNormalizer(double meanR, double meanG, double meanB, double stdR, double stdG, double stdB)
    {
        MeanR = Finite(meanR, nameof(meanR));
        MeanG = Finite(meanG, nameof(meanG));
        MeanB = Finite(meanB, nameof(meanB));
        StdR = Positive(stdR, nameof(stdR));
        StdG = Positive(stdG, nameof(stdG));
        StdB = Positive(stdB, nameof(stdB));
    }

    /// <summary>Mean subtracted from red values.</summary>
    public double MeanR { get; }

    /// <summary>Mean subtracted from green values.</summary>
    public double MeanG { get; }

    /// <summary>Mean subtracted from blue values.</summary>
    public double MeanB { get; }

    /// <summary>Standard deviation red values are divided by.</summary>
    public double StdR { get; }

    /// <summary>Standard deviation green values are divided by.</summary>
    public double StdG { get; }

    /// <summary>Standard deviation blue values are divided by.</summary>
    public double StdB { get; }

    /// <summary>
    /// A normaliser with each channel's mean and (population) standard deviation over the first
    /// <paramref name="samples"/> images of one pass over <paramref name="dataSet"/> in stored order.
    /// </summary>
    /// <exception cref="ArgumentException">The data set yields no pixels, or a channel has no deviation.</exception>
    public static BGRImgNormalizer FromDataSet(DataSet<LabeledBGRImage> dataSet, int samples = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var stats = new PixelStatistics(3);
        foreach (var image in dataSet.Data(train: false).Take(samples)) stats.Add(image.Content);
        var (meanB, stdB) = stats.Result(0, nameof(dataSet));
        var (meanG, stdG) = stats.Result(1, nameof(dataSet));
        var (meanR, stdR) = stats.Result(2, nameof(dataSet));
        return new BGRImgNormalizer(meanR, meanG, meanB, stdR, stdG, stdB);
    }

    /// <inheritdoc/>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Normalize(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"BGRImgNormalizer(mean ({MeanR}, {MeanG}, {MeanB}), std ({StdR}, {StdG}, {StdB}))";

    private IEnumerable<LabeledBGRImage> Normalize(IEnumerable<LabeledBGRImage> source)
    {
        foreach (var image in source)
        {
            var c = image.Content;
            for (int i = 0; i < c.Length; i += 3)
            {
                c[i] = (float)((c[i] - MeanB) / StdB);
                c[i + 1] = (float)((c[i + 1] - MeanG) / StdG);
                c[i + 2] = (float)((c[i + 2] - MeanR) / StdR);
            }
            yield return image;
        }
    }

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite");

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite");
}
