namespace BigDL.DataSets;

/// <summary>A grey image of floats, row by row, with its 0-based label.</summary>
/// <remarks>BigDL's <c>LabeledGreyImage</c>.</remarks>
public sealed class LabeledGreyImage
{
    /// <summary>An image of <paramref name="width"/>×<paramref name="height"/> pixels, all 0, labelled <paramref name="label"/>.</summary>
    public LabeledGreyImage(int width, int height, float label = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Label = label;
        Content = new float[width * height];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels, row-major: pixel (x, y) at y·Width + x.</summary>
    public float[] Content { get; }

    /// <summary>The 0-based class index.</summary>
    public float Label { get; set; }
}
