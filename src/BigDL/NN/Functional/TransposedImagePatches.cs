using System.Numerics;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// The transposed column matrix of a convolution — one row per output position of each image, one column per channel
/// and kernel tap — packed straight from zero-padded copies of the images, for the weight gradient
/// gradWeight = gradOutput · columnsᵀ. Each panel row gathers one position's taps through the tap-offset table.
/// </summary>
internal readonly unsafe struct TransposedImagePatches<T> : IPanelSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T* _padded;
    private readonly int* _taps;
    private readonly PaddedGeometry _layout;
    private readonly ConvolutionGeometry _g;

    /// <summary>Patches of the images at <paramref name="padded"/>; <paramref name="taps"/> as for <see cref="ImagePatches{T}"/>.</summary>
    public TransposedImagePatches(T* padded, int* taps, in PaddedGeometry layout, in ConvolutionGeometry g)
    {
        _padded = padded;
        _taps = taps;
        _layout = layout;
        _g = g;
    }

    /// <inheritdoc/>
    public void Pack(int p0, int j0, int kc, int nc, int nr, T* dst)
    {
        if (typeof(T) == typeof(float) && Transpose8x8.IsSupported && nr % 8 == 0 && _g.StrideW == 1)
        {
            PackByTransposing(p0, j0, kc, nc, nr, (float*)dst);
            return;
        }
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            int* taps = _taps + j0 + jr;
            T* row = dst + (nint)jr * kc;
            // Walk the positions p0, p0 + 1, … keeping (image, oy, ox) instead of dividing each time.
            int image = p0 / _g.Positions, position = p0 % _g.Positions, oy = position / _g.OutputW, ox = position % _g.OutputW;
            for (int p = 0; p < kc; p++, row += nr)
            {
                T* source = _padded + (image * _layout.Image + oy * _g.StrideH * _layout.Width + ox * _g.StrideW);
                for (int j = 0; j < cols; j++) row[j] = source[taps[j]];
                for (int j = cols; j < nr; j++) row[j] = T.Zero;
                if (++ox == _g.OutputW)
                {
                    ox = 0;
                    if (++oy == _g.OutputH)
                    {
                        oy = 0;
                        image++;
                    }
                }
            }
        }
    }

    [ThreadStatic]
    private static float[]? t_rows;

    /// <summary>
    /// Float panels built the fast way: each tap's kc positions copied as contiguous runs (as the untransposed patches
    /// are) into a scratch block of nr rows, which 8×8 register transposes turn into the panel — two vectorised passes
    /// instead of one gather per value.
    /// </summary>
    private void PackByTransposing(int p0, int j0, int kc, int nc, int nr, float* dst)
    {
        int stride = (kc + 7) & ~7;
        var rows = t_rows is { } buffer && buffer.Length >= nr * stride ? buffer : t_rows = GC.AllocateUninitializedArray<float>(nr * stride, pinned: true);
        fixed (float* scratch = rows)
        {
            var padded = (float*)_padded;
            for (int jr = 0; jr < nc; jr += nr)
            {
                int cols = Math.Min(nr, nc - jr);
                for (int t = 0; t < nr; t++)
                {
                    var row = new Span<float>(scratch + (nint)t * stride, stride);
                    if (t >= cols)
                    {
                        row.Clear();
                        continue;
                    }
                    float* tap = padded + _taps[j0 + jr + t];
                    int p = 0, image = p0 / _g.Positions, position = p0 % _g.Positions;
                    while (p < kc)
                    {
                        int oy = position / _g.OutputW, ox = position % _g.OutputW, length = Math.Min(_g.OutputW - ox, kc - p);
                        new ReadOnlySpan<float>(tap + image * _layout.Image + oy * _g.StrideH * _layout.Width + ox, length).CopyTo(row.Slice(p, length));
                        p += length;
                        position += length;
                        if (position == _g.Positions) (image, position) = (image + 1, 0);
                    }
                }
                float* panel = dst + (nint)jr * kc;
                int q = 0;
                for (; q + 8 <= kc; q += 8)
                    for (int t = 0; t < nr; t += 8) Transpose8x8.Run(scratch + (nint)t * stride + q, stride, panel + (nint)q * nr + t, nr, 1f);
                for (; q < kc; q++)
                    for (int t = 0; t < nr; t++) panel[(nint)q * nr + t] = scratch[(nint)t * stride + q];
            }
        }
    }
}
