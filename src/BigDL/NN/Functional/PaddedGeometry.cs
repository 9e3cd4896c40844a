namespace BigDL.NN;

/// <summary>
/// Zero-padded copies of images, planes of <see cref="Height"/>×<see cref="Width"/>: exactly the rows and columns a
/// convolution's windows touch, the image placed at (<see cref="Top"/>, <see cref="Left"/>) — negative when the
/// windows skip the image's first rows or columns — and clipped where they skip its last ones.
/// </summary>
internal readonly record struct PaddedGeometry(int Channels, int Height, int Width, int Top, int Left)
{
    /// <summary>Values of one padded plane.</summary>
    public int Plane => Height * Width;

    /// <summary>Values of one padded image.</summary>
    public int Image => Channels * Plane;

    /// <summary>The padding a forward convolution of geometry <paramref name="g"/> reads.</summary>
    public static PaddedGeometry For(in ConvolutionGeometry g) => new(g.Channels,
        (g.OutputH - 1) * g.StrideH + (g.KernelH - 1) * g.DilationH + 1,
        (g.OutputW - 1) * g.StrideW + (g.KernelW - 1) * g.DilationW + 1, g.PadTop, g.PadLeft);

    /// <summary>Copies <paramref name="count"/> images of [Channels, height, width] into this layout (padding zeroed).</summary>
    public void Fill<T>(ReadOnlySpan<T> images, int height, int width, int count, Span<T> target) where T : unmanaged
    {
        target = target[..(count * Image)];
        target.Clear();
        int y0 = Math.Max(0, -Top), y1 = Math.Min(height, Height - Top), x0 = Math.Max(0, -Left), x1 = Math.Min(width, Width - Left);
        if (y0 >= y1 || x0 >= x1) return;
        for (int plane = 0; plane < count * Channels; plane++)
        {
            var source = images.Slice(plane * height * width, height * width);
            var into = target.Slice(plane * Plane, Plane);
            for (int y = y0; y < y1; y++)
                source.Slice(y * width + x0, x1 - x0).CopyTo(into.Slice((y + Top) * Width + x0 + Left));
        }
    }
}
