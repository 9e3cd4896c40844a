using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

/// <summary>Tiny images whose values say where they come from.</summary>
internal static class Images
{
    /// <summary>A width×height image whose channel c (0 blue, 1 green, 2 red) at (x, y) holds 100·y + 10·x + c.</summary>
    public static LabeledBGRImage Coded(int width, int height, float label = 0)
    {
        var image = new LabeledBGRImage(width, height, label);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++) image.Content[3 * (y * width + x) + c] = Code(x, y, c);
        return image;
    }

    public static float Code(int x, int y, int c) => 100 * y + 10 * x + c;

    /// <summary>A colour image of the given interleaved (B, G, R) values.</summary>
    public static LabeledBGRImage Bgr(int width, int height, params float[] content)
    {
        var image = new LabeledBGRImage(width, height);
        content.CopyTo(image.Content, 0);
        return image;
    }

    /// <summary>A grey image of the given row-major values.</summary>
    public static LabeledGreyImage Grey(int width, int height, float label, params float[] content)
    {
        var image = new LabeledGreyImage(width, height, label);
        content.CopyTo(image.Content, 0);
        return image;
    }
}
