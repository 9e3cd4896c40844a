namespace BigDL.DataSets;

/// <summary>A colour image of floats, pixel by pixel with blue, green and red interleaved, with its 0-based label.</summary>
/// <remarks>BigDL's <c>LabeledBGRImage</c> (the same interleaved BGR layout; batching turns it into planes).</remarks>
public sealed class LabeledBGRImage
{
    /// <summary>An image of <paramref name="width"/>×<paramref name="height"/> pixels, all 0, labelled <paramref name="label"/>.</summary>
    public LabeledBGRImage(int width, int height, float label = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Label = label;
        Content = new float[width * height * 3];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels, row-major, 3 values each: blue at 3·(y·Width + x), then green, then red.</summary>
    public float[] Content { get; }

    /// <summary>The 0-based class index.</summary>
    public float Label { get; set; }
}
