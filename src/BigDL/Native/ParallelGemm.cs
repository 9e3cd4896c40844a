using System.Numerics;

namespace BigDL.Native;

/// <summary>
/// Splits one large GEMM into blocks of C — column ranges when C is wide, row ranges when it is tall — computed on the
/// Engine's cores, each by a single-threaded call to the provider. A batched GEMM is split by its batch instead. The
/// split depends only on the sizes and the core number, so a given core number always gives the same bits.
/// </summary>
internal static unsafe class ParallelGemm
{
    /// <summary>
    /// Below this many multiply-adds (m·n·k, about 128³) a GEMM stays on the calling thread: measured here, handing a
    /// block to a second core costs about as much as it saves up to that size.
    /// </summary>
    public const long MinWork = 1L << 21;

    /// <summary>Columns of a column block are a multiple of this (a whole number of any micro-kernel's tiles).</summary>
    private const int ColumnUnit = 64;

    /// <summary>Rows of a row block are a multiple of this.</summary>
    private const int RowUnit = 16;

    /// <summary>Whether a GEMM of this size, called from this thread, is split over the cores.</summary>
    public static bool Splits(int m, int n, long k) =>
        Engine.CoreNumber > 1 && !Engine.OnWorker && (long)m * n * k >= MinWork && (n >= 2 * ColumnUnit || m >= 2 * RowUnit);

    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                               ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        bool byColumns = n >= 2 * ColumnUnit && (n >= m || m < 2 * RowUnit);
        int extent = byColumns ? n : m, unit = byColumns ? ColumnUnit : RowUnit;
        var (parts, block) = Blocks(extent, unit);
        int aLength = a.Length, bLength = b.Length, cLength = c.Length;
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
            Engine.For(parts, part =>
            {
                int start = part * block, count = Math.Min(block, extent - start);
                // Offsets of the block's first element in A, B and C.
                long oa = byColumns ? 0 : transA ? start : (long)start * lda;
                long ob = !byColumns ? 0 : transB ? (long)start * ldb : start;
                long oc = byColumns ? start : (long)start * ldc;
                Blas.GemmOnThisThread(transA, transB, byColumns ? m : count, byColumns ? count : n, k, alpha,
                    new ReadOnlySpan<T>((T*)ia + oa, (int)(aLength - oa)), lda,
                    new ReadOnlySpan<T>((T*)ib + ob, (int)(bLength - ob)), ldb, beta,
                    new Span<T>((T*)ic + oc, (int)(cLength - oc)), ldc);
            });
        }
    }

    public static void GemmBatched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                      ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        var (parts, block) = Blocks(batch, 1);
        int aLength = a.Length, bLength = b.Length, cLength = c.Length;
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
            Engine.For(parts, part =>
            {
                int first = part * block, count = Math.Min(block, batch - first);
                long oa = (long)first * strideA, ob = (long)first * strideB, oc = (long)first * strideC;
                Blas.GemmBatchedOnThisThread(transA, transB, m, n, k, alpha,
                    new ReadOnlySpan<T>((T*)ia + oa, (int)(aLength - oa)), lda, strideA,
                    new ReadOnlySpan<T>((T*)ib + ob, (int)(bLength - ob)), ldb, strideB, beta,
                    new Span<T>((T*)ic + oc, (int)(cLength - oc)), ldc, strideC, count);
            });
        }
    }

    /// <summary>Cuts <paramref name="extent"/> into at most <see cref="Engine.CoreNumber"/> blocks of whole units.</summary>
    private static (int Parts, int Block) Blocks(int extent, int unit)
    {
        int units = (extent + unit - 1) / unit;
        int parts = Math.Min(Engine.CoreNumber, units);
        int block = (units + parts - 1) / parts * unit;
        return ((extent + block - 1) / block, block);
    }
}
