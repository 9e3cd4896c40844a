namespace BigDL.DataSets;

/// <summary>
/// Decodes raw colour records laid out as CIFAR-10's — a red plane, a green plane and a blue plane of
/// <see cref="Width"/>×<see cref="Height"/> bytes each, row by row — into <see cref="LabeledBGRImage"/>s
/// (interleaved blue, green, red), every value divided by <see cref="Normalize"/>.
/// </summary>
/// <remarks>
/// BigDL's <c>BytesToBGRImg(normalize)</c>. BigDL's CIFAR loader first rewrote each record as an 8-byte width/height
/// header and interleaved BGR bytes; here <see cref="Cifar10"/> keeps the file's planar bytes and this transformer
/// interleaves them, so the size is given to the constructor. BigDL's optional resizing (<c>resizeW</c>,
/// <c>resizeH</c>) is not offered. Each record gets a new image; labels are passed on unchanged (0-based).
/// </remarks>
public sealed class BytesToBGRImg : Transformer<ByteRecord, LabeledBGRImage>
{
    /// <summary>Images of <paramref name="width"/>×<paramref name="height"/> pixels, values divided by <paramref name="normalize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or <paramref name="normalize"/> is not positive.</exception>
    public BytesToBGRImg(int width = 32, int height = 32, float normalize = 255f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!(normalize > 0) || !float.IsFinite(normalize))
            throw new ArgumentOutOfRangeException(nameof(normalize), normalize, "normalize must be positive and finite");
        Width = width;
        Height = height;
        Normalize = normalize;
    }

    /// <summary>Width of every image, in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of every image, in pixels.</summary>
    public int Height { get; }

    /// <summary>What every byte is divided by (255 gives values in [0, 1]).</summary>
    public float Normalize { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A record does not hold 3·<see cref="Width"/>·<see cref="Height"/> bytes.</exception>
    public override IEnumerable<LabeledBGRImage> Apply(IEnumerable<ByteRecord> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Decode(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"BytesToBGRImg({Width}x{Height}, /{Normalize})";

    private IEnumerable<LabeledBGRImage> Decode(IEnumerable<ByteRecord> source)
    {
        int plane = Width * Height;
        foreach (var record in source)
        {
            if (record.Data.Length != 3 * plane)
                throw new ArgumentException(
                    $"BytesToBGRImg({Width}x{Height}) expected records of 3 planes of {plane} bytes ({3 * plane}), got {record.Data.Length} bytes",
                    nameof(source));
            var image = new LabeledBGRImage(Width, Height, record.Label);
            var content = image.Content;
            var data = record.Data;
            for (int p = 0; p < plane; p++)
            {
                content[3 * p] = data[2 * plane + p] / Normalize;
                content[3 * p + 1] = data[plane + p] / Normalize;
                content[3 * p + 2] = data[p] / Normalize;
            }
            yield return image;
        }
    }
}
