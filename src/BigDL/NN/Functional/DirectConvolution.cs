using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>
/// Forward convolution without unfolding, for layers with few weights per output plane (LeNet's layers, a network's
/// first layer), where building the column matrix costs more than the small GEMM saves. Each output row is computed
/// in chunks of up to four Vector256 accumulators that stay in registers across all kernel taps; the image is first
/// copied into a zero-padded buffer so no tap needs a bounds test.
/// </summary>
internal static class DirectConvolution
{
    /// <summary>Whether the direct path suits: stride 1, no dilation or groups, at most 256 taps per output and 64 output planes, rows of at least one vector.</summary>
    public static bool Suits<T>(in ConvolutionGeometry g, int groups, int outPlanes) where T : unmanaged =>
        Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && groups == 1 && g.StrideH == 1 && g.StrideW == 1
        && g.DilationH == 1 && g.DilationW == 1 && g.ColumnRows <= 256 && outPlanes <= 64 && g.OutputW >= Vector256<T>.Count;

    /// <summary>output[N, outPlanes, oH, oW] = bias + Σ taps; weight [outPlanes, C, kH, kW].</summary>
    public static void Forward<T>(ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset, T[] weight, T[]? bias,
        T[] output, int outputOffset, T[] padded) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int pw = g.Width + 2 * g.PadLeft, ph = g.Height + 2 * g.PadTop, paddedImage = g.Channels * ph * pw;
        Parallel.For(0, images, Engine.ParallelOptions, image =>
        {
            var target = padded.AsSpan(image * paddedImage, paddedImage);
            target.Clear();
            for (int c = 0; c < g.Channels; c++)
                for (int y = 0; y < g.Height; y++)
                    input.AsSpan(inputOffset + image * g.ImageSize + (c * g.Height + y) * g.Width, g.Width)
                        .CopyTo(target.Slice((c * ph + y + g.PadTop) * pw + g.PadLeft));
        });
        Parallel.For(0, images * outPlanes, Engine.ParallelOptions, p =>
            Plane(g, outPlanes, padded.AsSpan((p / outPlanes) * paddedImage, paddedImage), pw, ph, weight, bias, output.AsSpan(outputOffset + p * g.Positions, g.Positions), p % outPlanes));
    }

    /// <summary>Elements of the padded copy of <paramref name="images"/> images.</summary>
    public static int PaddedLength(in ConvolutionGeometry g, int images) => images * g.Channels * (g.Height + 2 * g.PadTop) * (g.Width + 2 * g.PadLeft);

    private static void Plane<T>(ConvolutionGeometry g, int outPlanes, ReadOnlySpan<T> image, int pw, int ph, T[] weight, T[]? bias,
        Span<T> target, int plane) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, oW = g.OutputW;
        ReadOnlySpan<T> taps = weight.AsSpan(plane * g.ColumnRows, g.ColumnRows);
        T b = bias is null ? T.Zero : bias[plane];
        for (int oy = 0; oy < g.OutputH; oy++)
        {
            var row = target.Slice(oy * oW, oW);
            int x = 0;
            for (; x + 4 * width <= oW; x += 4 * width) Chunk(g, image, pw, ph, taps, b, row, oy, x, 4);
            for (; x + width <= oW; x += width) Chunk(g, image, pw, ph, taps, b, row, oy, x, 1);
            // A last partial vector is recomputed over the final full vector's columns (written, not added, so harmless).
            if (x < oW) Chunk(g, image, pw, ph, taps, b, row, oy, oW - width, 1);
        }
    }

    /// <summary>Output columns [start, start + vectors·width) of row oy, accumulated in registers over all taps.</summary>
    private static void Chunk<T>(in ConvolutionGeometry g, ReadOnlySpan<T> image, int pw, int ph, ReadOnlySpan<T> taps, T bias,
        Span<T> row, int oy, int start, int vectors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count;
        ref T source = ref MemoryMarshal.GetReference(image);
        var a0 = Vector256.Create(bias);
        var a1 = a0;
        var a2 = a0;
        var a3 = a0;
        int tap = 0;
        for (int c = 0; c < g.Channels; c++)
            for (int ky = 0; ky < g.KernelH; ky++)
            {
                nuint line = (nuint)((c * ph + oy + ky) * pw + start);
                for (int kx = 0; kx < g.KernelW; kx++, tap++)
                {
                    var w = Vector256.Create(taps[tap]);
                    nuint at = line + (nuint)kx;
                    a0 += w * Vector256.LoadUnsafe(ref source, at);
                    if (vectors == 4)
                    {
                        a1 += w * Vector256.LoadUnsafe(ref source, at + (nuint)width);
                        a2 += w * Vector256.LoadUnsafe(ref source, at + (nuint)(2 * width));
                        a3 += w * Vector256.LoadUnsafe(ref source, at + (nuint)(3 * width));
                    }
                }
            }
        ref T into = ref MemoryMarshal.GetReference(row);
        a0.StoreUnsafe(ref into, (nuint)start);
        if (vectors == 4)
        {
            a1.StoreUnsafe(ref into, (nuint)(start + width));
            a2.StoreUnsafe(ref into, (nuint)(start + 2 * width));
            a3.StoreUnsafe(ref into, (nuint)(start + 3 * width));
        }
    }
}
