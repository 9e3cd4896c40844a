using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// The transposed column matrix of a convolution — one row per output position of each image, one column per channel
/// and kernel tap — for the weight gradient gradWeight = gradOutput · columnsᵀ. Each panel is built in two passes:
/// its taps' rows of the untransposed matrix are copied as contiguous runs (<see cref="ImagePatches{T}"/>) into a
/// scratch block, which is then transposed (8×8 in registers for floats) into the panel.
/// </summary>
internal readonly unsafe struct TransposedImagePatches<T>(ImagePatches<T> patches) : IPanelSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic]
    private static T[]? t_rows;

    /// <inheritdoc/>
    public void Pack(int p0, int j0, int kc, int nc, int nr, T* dst)
    {
        int stride = (kc + 7) & ~7;
        if (t_rows is null || t_rows.Length < nr * stride) t_rows = GC.AllocateUninitializedArray<T>(nr * stride, pinned: true);
        T* scratch = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(t_rows));
        Span<ImagePatches<T>.Run> runs = stackalloc ImagePatches<T>.Run[kc];
        // The kc positions cut into runs once; every tap row reuses them.
        var cut = runs[..patches.Cut(p0, kc, runs)];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            for (int t = 0; t < cols; t++) patches.CopyRow(j0 + jr + t, cut, scratch + (nint)t * stride);
            new Span<T>(scratch + (nint)cols * stride, (nr - cols) * stride).Clear();
            Transpose(scratch, stride, dst + (nint)jr * kc, kc, nr);
        }
    }

    /// <summary>panel[q·nr + t] = rows[t·stride + q] for the kc positions q and nr taps t.</summary>
    private static void Transpose(T* rows, int stride, T* panel, int kc, int nr)
    {
        int q = 0;
        if (typeof(T) == typeof(float) && Transpose8x8.IsSupported && nr % 8 == 0)
            for (; q + 8 <= kc; q += 8)
                for (int t = 0; t < nr; t += 8) Transpose8x8.Run((float*)(rows + (nint)t * stride + q), stride, (float*)(panel + (nint)q * nr + t), nr, 1f);
        for (; q < kc; q++)
            for (int t = 0; t < nr; t++) panel[(nint)q * nr + t] = rows[(nint)t * stride + q];
    }
}
