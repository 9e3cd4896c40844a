using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>
/// Unfolds convolution windows into a column matrix and folds them back. The matrix has
/// <see cref="ConvolutionGeometry.ColumnRows"/> rows (channel, kernel row, kernel column) and one column per output
/// position; several images sit side by side, image i starting at column i·oH·oW of a row of length <c>ld</c>.
/// </summary>
internal static class Im2Col
{
    /// <summary>Rows shorter than this are copied or added by a plain loop, longer ones by a vectorised call.</summary>
    private const int ShortRow = 16;

    /// <summary>Writes the windows of one image (C·H·W values) into the columns starting at <paramref name="column"/>.</summary>
    public static void Unfold<T>(in ConvolutionGeometry g, ReadOnlySpan<T> image, Span<T> columns, int ld, int column, int channel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var plane = image.Slice(channel * g.Height * g.Width, g.Height * g.Width);
        for (int ki = 0; ki < g.KernelH; ki++)
            for (int kj = 0; kj < g.KernelW; kj++)
            {
                int row = (channel * g.KernelH + ki) * g.KernelW + kj;
                var target = columns.Slice(row * ld + column, g.Positions);
                int dy = ki * g.DilationH - g.PadTop, dx = kj * g.DilationW - g.PadLeft;
                var (x0, x1) = ValidRange(g.OutputW, g.StrideW, dx, g.Width);
                for (int y = 0; y < g.OutputH; y++)
                {
                    var line = target.Slice(y * g.OutputW, g.OutputW);
                    int iy = y * g.StrideH + dy;
                    if ((uint)iy >= (uint)g.Height || x0 >= x1)
                    {
                        line.Clear();
                        continue;
                    }
                    if (x0 > 0) line[..x0].Clear();
                    if (x1 < line.Length) line[x1..].Clear();
                    var source = plane.Slice(iy * g.Width);
                    // Rows of a small image are a few values long: a plain loop beats a copy call there.
                    if (g.StrideW == 1 && x1 - x0 >= ShortRow) source.Slice(x0 + dx, x1 - x0).CopyTo(line[x0..x1]);
                    else for (int x = x0; x < x1; x++) line[x] = source[x * g.StrideW + dx];
                }
            }
    }

    /// <summary>Adds the columns starting at <paramref name="column"/> back onto one channel of a C·H·W gradient image.</summary>
    public static void Fold<T>(in ConvolutionGeometry g, ReadOnlySpan<T> columns, int ld, int column, Span<T> image, int channel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var plane = image.Slice(channel * g.Height * g.Width, g.Height * g.Width);
        for (int ki = 0; ki < g.KernelH; ki++)
            for (int kj = 0; kj < g.KernelW; kj++)
            {
                int row = (channel * g.KernelH + ki) * g.KernelW + kj;
                var source = columns.Slice(row * ld + column, g.Positions);
                int dy = ki * g.DilationH - g.PadTop, dx = kj * g.DilationW - g.PadLeft;
                var (x0, x1) = ValidRange(g.OutputW, g.StrideW, dx, g.Width);
                for (int y = 0; y < g.OutputH; y++)
                {
                    int iy = y * g.StrideH + dy;
                    if ((uint)iy >= (uint)g.Height) continue;
                    var line = source.Slice(y * g.OutputW, g.OutputW);
                    var target = plane.Slice(iy * g.Width);
                    if (g.StrideW == 1 && x1 - x0 >= ShortRow)
                    {
                        var into = target.Slice(x0 + dx, x1 - x0);
                        TensorPrimitives.Add(into, line[x0..x1], into);
                    }
                    else if (g.StrideW == 1) AddShort(line[x0..x1], target.Slice(x0 + dx, x1 - x0));
                    else for (int x = x0; x < x1; x++) target[x * g.StrideW + dx] += line[x];
                }
            }
    }

    /// <summary>target += source for a short row (LeNet's are 8 wide): whole vectors, then the rest one by one.</summary>
    private static void AddShort<T>(ReadOnlySpan<T> source, Span<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i + Vector256<T>.Count <= source.Length; i += Vector256<T>.Count)
                (Vector256.Create(target[i..]) + Vector256.Create(source[i..])).CopyTo(target[i..]);
        for (; i < source.Length; i++) target[i] += source[i];
    }

    /// <summary>Output columns x whose input column x·stride + offset lies in [0, width).</summary>
    private static (int From, int To) ValidRange(int outputW, int stride, int offset, int width)
    {
        int from = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int to = width - offset <= 0 ? 0 : Math.Min(outputW, (width - offset - 1) / stride + 1);
        return (Math.Min(from, outputW), Math.Max(to, Math.Min(from, outputW)));
    }
}
