using System.Numerics;

namespace BigDL.Native.Managed;

/// <summary>
/// Supplies the B operand of a GEMM block by block, already in the micro-panel layout of
/// <see cref="GemmPacking{T}.PackB"/>, without B ever existing as a matrix (a convolution packs image patches
/// straight from the image instead of unfolding it first).
/// </summary>
internal unsafe interface IPanelSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Writes rows [<paramref name="p0"/>, p0 + kc) × columns [<paramref name="j0"/>, j0 + nc) of B into
    /// <paramref name="dst"/> as micro-panels of <paramref name="nr"/> columns (panel q at <c>dst + q·nr·kc</c>, each
    /// stored step by step, nr values per row of B), zero-padding the last panel's missing columns.
    /// </summary>
    void Pack(int p0, int j0, int kc, int nc, int nr, T* dst);
}
