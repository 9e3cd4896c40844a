namespace BigDL.DataSets;

/// <summary>Normalises grey images in place: every pixel becomes (pixel − <see cref="Mean"/>) / <see cref="Std"/>.</summary>
/// <remarks>
/// BigDL's <c>GreyImgNormalizer(mean, std)</c>; <see cref="FromDataSet"/> is its <c>GreyImgNormalizer(dataSet, samples)</c>.
/// The images passing through are changed, as in BigDL, so place it after a decoder such as <see cref="BytesToGreyImg"/>
/// that makes new images on every pass, never directly on images a data set keeps.
/// </remarks>
public sealed class GreyImgNormalizer : Transformer<LabeledGreyImage, LabeledGreyImage>
{
    /// <summary>Subtracts <paramref name="mean"/>, then divides by <paramref name="std"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is not a positive finite number.</exception>
    public GreyImgNormalizer(double mean, double std)
    {
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "mean must be finite");
        if (!(std > 0) || !double.IsFinite(std)) throw new ArgumentOutOfRangeException(nameof(std), std, "std must be positive and finite");
        Mean = mean;
        Std = std;
    }

    /// <summary>The value subtracted from every pixel.</summary>
    public double Mean { get; }

    /// <summary>The value every centred pixel is divided by.</summary>
    public double Std { get; }

    /// <summary>
    /// A normaliser with the mean and (population) standard deviation of every pixel of the first
    /// <paramref name="samples"/> images of one pass over <paramref name="dataSet"/> in stored order.
    /// </summary>
    /// <remarks>One pass, merging each image's mean and squared deviations (Chan et al.), accumulated in double.</remarks>
    /// <exception cref="ArgumentException">The data set yields no pixels, or all pixels are equal (no deviation).</exception>
    public static GreyImgNormalizer FromDataSet(DataSet<LabeledGreyImage> dataSet, int samples = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var stats = new PixelStatistics(1);
        foreach (var image in dataSet.Data(train: false).Take(samples)) stats.Add(image.Content);
        var (mean, std) = stats.Result(0, nameof(dataSet));
        return new GreyImgNormalizer(mean, std);
    }

    /// <inheritdoc/>
    public override IEnumerable<LabeledGreyImage> Apply(IEnumerable<LabeledGreyImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Normalize(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GreyImgNormalizer({Mean}, {Std})";

    private IEnumerable<LabeledGreyImage> Normalize(IEnumerable<LabeledGreyImage> source)
    {
        foreach (var image in source)
        {
            var content = image.Content;
            for (int i = 0; i < content.Length; i++) content[i] = (float)((content[i] - Mean) / Std);
            yield return image;
        }
    }
}
