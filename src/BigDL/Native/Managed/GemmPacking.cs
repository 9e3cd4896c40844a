using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BigDL.Native.Managed;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous micro-panel layout the micro-kernels stream through.
/// Packing absorbs the transposes and leading dimensions (the kernels only ever see one layout), folds alpha into A,
/// and pads partial micro-panels with zeros so edge tiles run the same kernel.
/// </summary>
internal static unsafe class GemmPacking<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Packs the <paramref name="mc"/>×<paramref name="kc"/> block of alpha·op(A) starting at row <paramref name="i0"/>,
    /// column <paramref name="p0"/> of op(A): micro-panels of <paramref name="mr"/> rows, each stored step by step
    /// (<paramref name="mr"/> values per step of k), the last one zero-padded. Panel q starts at <c>dst + q·mr·kc</c>.
    /// </summary>
    public static void PackA(T* a, nint lda, bool trans, int i0, int p0, int mc, int kc, T alpha, int mr, T* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            T* d = dst + (nint)ir * kc;
            if (!trans)
            {
                T* src = a + (nint)(i0 + ir) * lda + p0;
                if (mr == 8 && typeof(T) == typeof(float) && Transpose8x8.IsSupported)
                {
                    // Eight rows read in 8×8 blocks and written transposed; the last kc mod 8 steps one by one. A last
                    // panel of fewer rows is first copied, zero-padded, into an 8-row scratch block.
                    T* rowsOf = src;
                    nint stride = lda;
                    if (rows < 8)
                    {
                        var padded = PaddedRows(kc);
                        new Span<T>(padded, 8 * kc).Clear();
                        for (int i = 0; i < rows; i++) new ReadOnlySpan<T>(src + i * lda, kc).CopyTo(new Span<T>(padded + i * kc, kc));
                        rowsOf = padded;
                        stride = kc;
                    }
                    int p = 0;
                    float scale = float.CreateTruncating(alpha);
                    for (; p + 8 <= kc; p += 8) Transpose8x8.Run((float*)(rowsOf + p), stride, (float*)(d + p * 8), 8, scale);
                    for (; p < kc; p++)
                        for (int i = 0; i < 8; i++) d[p * 8 + i] = alpha * rowsOf[i * stride + p];
                }
                else if (rows == 6 && mr == 6)
                {
                    T* r0 = src, r1 = src + lda, r2 = src + 2 * lda, r3 = src + 3 * lda, r4 = src + 4 * lda, r5 = src + 5 * lda;
                    for (int p = 0; p < kc; p++)
                    {
                        d[0] = alpha * r0[p];
                        d[1] = alpha * r1[p];
                        d[2] = alpha * r2[p];
                        d[3] = alpha * r3[p];
                        d[4] = alpha * r4[p];
                        d[5] = alpha * r5[p];
                        d += 6;
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        for (int i = 0; i < rows; i++) d[i] = alpha * src[i * lda + p];
                        for (int i = rows; i < mr; i++) d[i] = T.Zero;
                        d += mr;
                    }
                }
            }
            else
            {
                T* src = a + (nint)p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++)
                {
                    for (int i = 0; i < rows; i++) d[i] = alpha * src[i];
                    for (int i = rows; i < mr; i++) d[i] = T.Zero;
                    src += lda;
                    d += mr;
                }
            }
        }
    }

    [ThreadStatic]
    private static T[]? t_paddedRows;

    /// <summary>A pinned scratch block of 8 rows of <paramref name="kc"/> values on this thread.</summary>
    private static T* PaddedRows(int kc)
    {
        if (t_paddedRows is null || t_paddedRows.Length < 8 * kc) t_paddedRows = GC.AllocateUninitializedArray<T>(8 * kc, pinned: true);
        return (T*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(t_paddedRows));
    }

    /// <summary>
    /// Packs the <paramref name="kc"/>×<paramref name="nc"/> block of op(B) starting at row <paramref name="p0"/>,
    /// column <paramref name="j0"/>: micro-panels of <paramref name="nr"/> columns, each stored step by step
    /// (<paramref name="nr"/> values per step of k), the last one zero-padded. Panel q starts at <c>dst + q·nr·kc</c>.
    /// </summary>
    public static void PackB(T* b, nint ldb, bool trans, int p0, int j0, int kc, int nc, int nr, T* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* d = dst + (nint)jr * kc;
            if (!trans)
            {
                T* src = b + (nint)p0 * ldb + j0 + jr;
                if (cols == nr && nr % Vector256<T>.Count == 0 && nr > 2 * Vector256<T>.Count)
                {
                    int w = Vector256<T>.Count;
                    for (int p = 0; p < kc; p++)
                    {
                        for (int j = 0; j < nr; j += w) Vector256.Store(Vector256.Load(src + j), d + j);
                        src += ldb;
                        d += nr;
                    }
                }
                else if (cols == nr && nr == 2 * Vector256<T>.Count)
                {
                    int w = Vector256<T>.Count;
                    for (int p = 0; p < kc; p++)
                    {
                        Vector256.Store(Vector256.Load(src), d);
                        Vector256.Store(Vector256.Load(src + w), d + w);
                        src += ldb;
                        d += nr;
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        for (int j = 0; j < cols; j++) d[j] = src[j];
                        for (int j = cols; j < nr; j++) d[j] = T.Zero;
                        src += ldb;
                        d += nr;
                    }
                }
            }
            else if (cols == nr && nr % 8 == 0 && typeof(T) == typeof(float) && Transpose8x8.IsSupported)
            {
                // Stored rows of B are the panel's columns: 8×8 blocks read along them and written across the panel.
                for (int j = 0; j < nr; j += 8)
                {
                    T* src = b + (nint)(j0 + jr + j) * ldb + p0;
                    int p = 0;
                    for (; p + 8 <= kc; p += 8) Transpose8x8.Run((float*)(src + p), ldb, (float*)(d + (nint)p * nr + j), nr, 1f);
                    for (; p < kc; p++)
                        for (int q = 0; q < 8; q++) d[(nint)p * nr + j + q] = src[q * ldb + p];
                }
            }
            else
            {
                for (int j = 0; j < cols; j++)
                {
                    T* src = b + (nint)(j0 + jr + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) d[(nint)p * nr + j] = src[p];
                }
                for (int j = cols; j < nr; j++)
                    for (int p = 0; p < kc; p++) d[(nint)p * nr + j] = T.Zero;
            }
        }
    }
}
