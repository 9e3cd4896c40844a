namespace BigDL.DataSets;

/// <summary>Copies rectangles of interleaved BGR pixels between images.</summary>
internal static class PixelWindow
{
    /// <summary>
    /// Copies the <paramref name="width"/>×<paramref name="height"/> rectangle whose top-left pixel is
    /// (<paramref name="fromX"/>, <paramref name="fromY"/>) in <paramref name="source"/> to
    /// (<paramref name="toX"/>, <paramref name="toY"/>) in <paramref name="target"/>.
    /// </summary>
    public static void Copy(LabeledBGRImage source, int fromX, int fromY, LabeledBGRImage target, int toX, int toY, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            var from = source.Content.AsSpan(3 * ((fromY + y) * source.Width + fromX), 3 * width);
            from.CopyTo(target.Content.AsSpan(3 * ((toY + y) * target.Width + toX), 3 * width));
        }
    }

    /// <summary>A start position drawn uniformly from 0…<paramref name="slack"/>, both included.</summary>
    public static int Draw(RandomGenerator random, int slack) => (int)(random.Uniform() * (slack + 1));
}
