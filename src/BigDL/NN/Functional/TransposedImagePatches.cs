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
}
