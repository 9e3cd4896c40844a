using System.Numerics;
using System.Runtime.Intrinsics;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// The column matrix of a convolution (one row per channel and kernel tap, one column per output position of each
/// image), never materialised: packs GEMM panels straight from zero-padded copies of the images. A panel's columns
/// are cut once into runs that stay within one output row; every tap then copies each run from the image (a
/// contiguous vector copy at stride 1).
/// </summary>
internal readonly unsafe struct ImagePatches<T> : IPanelSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T* _padded;
    private readonly int* _taps;
    private readonly PaddedGeometry _layout;
    private readonly ConvolutionGeometry _g;

    /// <summary>
    /// Patches of the images at <paramref name="padded"/>, laid out by <paramref name="layout"/>; <paramref name="taps"/>
    /// holds each row's offset in a padded image (see <see cref="TapOffsets"/>).
    /// </summary>
    public ImagePatches(T* padded, int* taps, in PaddedGeometry layout, in ConvolutionGeometry g)
    {
        _padded = padded;
        _taps = taps;
        _layout = layout;
        _g = g;
    }

    /// <summary>For each row of the column matrix (channel, kernel row, kernel column), its tap's offset in a padded image.</summary>
    public static void TapOffsets(in ConvolutionGeometry g, in PaddedGeometry layout, Span<int> offsets)
    {
        int row = 0;
        for (int c = 0; c < g.Channels; c++)
            for (int ky = 0; ky < g.KernelH; ky++)
                for (int kx = 0; kx < g.KernelW; kx++)
                    offsets[row++] = c * layout.Plane + ky * g.DilationH * layout.Width + kx * g.DilationW;
    }

    /// <inheritdoc/>
    public void Pack(int p0, int j0, int kc, int nc, int nr, T* dst)
    {
        Span<Run> runs = stackalloc Run[nr];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr), count = Cut(j0 + jr, cols, runs);
            T* panel = dst + (nint)jr * kc;
            // Run by run, every tap: the copy's shape is the same down the whole loop.
            for (int r = 0; r < count; r++)
            {
                T* source = _padded + runs[r].Source;
                T* target = panel + runs[r].Target;
                int* taps = _taps + p0;
                if (_g.StrideW == 1 && runs[r].Length == Vector256<T>.Count)
                    for (int p = 0; p < kc; p++) Vector256.Store(Vector256.Load(source + taps[p]), target + (nint)p * nr);
                else
                    for (int p = 0; p < kc; p++) Copy(source + taps[p], target + (nint)p * nr, runs[r].Length);
            }
            if (cols < nr)
                for (int p = 0; p < kc; p++) new Span<T>(panel + (nint)p * nr + cols, nr - cols).Clear();
        }
    }

    /// <summary>Row <paramref name="row"/> (one tap) at the columns of <paramref name="runs"/>, into <paramref name="into"/> (run targets count from it).</summary>
    public void CopyRow(int row, ReadOnlySpan<Run> runs, T* into)
    {
        T* tap = _padded + _taps[row];
        foreach (var run in runs) Copy(tap + run.Source, into + run.Target, run.Length);
    }

    /// <summary>Splits columns [j, j + cols) into runs within one output row; returns how many.</summary>
    public int Cut(int j, int cols, Span<Run> runs)
    {
        int count = 0, end = j + cols, first = j;
        while (j < end)
        {
            int image = j / _g.Positions, position = j % _g.Positions, oy = position / _g.OutputW, ox = position % _g.OutputW;
            int length = Math.Min(_g.OutputW - ox, end - j);
            runs[count++] = new Run(image * _layout.Image + oy * _g.StrideH * _layout.Width + ox * _g.StrideW, j - first, length);
            j += length;
        }
        return count;
    }

    private void Copy(T* source, T* target, int length)
    {
        if (_g.StrideW != 1)
        {
            for (int x = 0; x < length; x++) target[x] = source[x * _g.StrideW];
            return;
        }
        int w = Vector256<T>.Count;
        if (length < w)
        {
            for (int x = 0; x < length; x++) target[x] = source[x];
            return;
        }
        int i = 0;
        for (; i + w <= length; i += w) Vector256.Store(Vector256.Load(source + i), target + i);
        // The last vector overlaps the previous one: it rewrites the same values.
        if (i < length) Vector256.Store(Vector256.Load(source + length - w), target + length - w);
    }

    /// <summary>Columns [Target, Target + Length) of a panel row come from Source, Source + stride, … of a tap's plane.</summary>
    public readonly record struct Run(int Source, int Target, int Length);
}
