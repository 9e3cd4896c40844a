namespace BigDL.NN;

/// <summary>
/// How a 3×3, stride-1 convolution's output is cut into the 2×2 tiles of Winograd's F(2×2, 3×3): ⌈oH/2⌉ × ⌈oW/2⌉
/// tiles per image, numbered row by row and image after image; tile (ty, tx) reads the 4×4 window at (2ty, 2tx) of
/// the zero-padded image <see cref="Padded"/>, which is large enough for the last tiles of an odd-sized output (their
/// extra row or column is computed and dropped).
/// </summary>
internal readonly record struct WinogradTiling(int TilesH, int TilesW, int OutputH, int OutputW, PaddedGeometry Padded)
{
    /// <summary>Tiles of one image.</summary>
    public int TilesPerImage => TilesH * TilesW;

    /// <summary>Values of one output plane.</summary>
    public int OutputPlane => OutputH * OutputW;

    /// <summary>The tiling of geometry <paramref name="g"/> (3×3 kernel, stride 1, no dilation).</summary>
    public static WinogradTiling For(in ConvolutionGeometry g)
    {
        int tilesH = (g.OutputH + 1) / 2, tilesW = (g.OutputW + 1) / 2;
        return new(tilesH, tilesW, g.OutputH, g.OutputW, new PaddedGeometry(g.Channels, 2 * tilesH + 2, 2 * tilesW + 2, g.PadTop, g.PadLeft));
    }

    /// <summary>
    /// The layout of the output gradients the weight gradient reads by whole tiles: the output itself when its sizes
    /// are even, else a copy padded with zeros to whole tiles.
    /// </summary>
    public PaddedGeometry Gradient(int planes) => OutputH % 2 == 0 && OutputW % 2 == 0
        ? new PaddedGeometry(planes, OutputH, OutputW, 0, 0)
        : new PaddedGeometry(planes, 2 * TilesH, 2 * TilesW, 0, 0);

    /// <summary>
    /// Where tile <paramref name="tile"/> (counted from a group's first image) starts in images laid out by
    /// <paramref name="layout"/> (<see cref="Padded"/> for the input, <see cref="Gradient"/> for the output gradient).
    /// </summary>
    public int Offset(int tile, in PaddedGeometry layout)
    {
        var (image, ty, tx) = Locate(tile);
        return image * layout.Image + 2 * ty * layout.Width + 2 * tx;
    }

    /// <summary>
    /// Where tile <paramref name="tile"/>'s first output value lies in output images of <paramref name="planes"/>
    /// planes (counted from the group's first image), and how many of its rows and columns lie inside the output.
    /// </summary>
    public (int Offset, int Rows, int Columns) Output(int tile, int planes)
    {
        var (image, ty, tx) = Locate(tile);
        return (image * planes * OutputPlane + 2 * ty * OutputW + 2 * tx, Math.Min(2, OutputH - 2 * ty), Math.Min(2, OutputW - 2 * tx));
    }

    private (int Image, int Ty, int Tx) Locate(int tile)
    {
        int image = Math.DivRem(tile, TilesPerImage, out int within);
        int ty = Math.DivRem(within, TilesW, out int tx);
        return (image, ty, tx);
    }
}
