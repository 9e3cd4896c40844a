using System.Numerics;
using System.Runtime.CompilerServices;

namespace BigDL.Native.Managed;

/// <summary>
/// The packed GEMM (GotoBLAS/BLIS loop nest) over one micro-kernel type: loop over NC-wide panels of op(B), KC-deep
/// slices of k (pack B), MC-tall blocks of op(A) (pack A, with alpha), then NR columns × MR rows of register tiles.
/// Large problems are split into column (or row) ranges of C, one per thread, each with its own packing buffers.
/// </summary>
internal static unsafe class GemmDriver<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    /// <summary>
    /// Row blocks of C up to this many rows read a non-transposed B in place instead of packing it: each B element is
    /// then used by so few rows that copying it costs more than the strided reads.
    /// </summary>
    public const int DirectBRows = 24;

    /// <summary>
    /// Up to this many columns of C, a register tile (at least 8 columns wide) would mostly multiply padding zeros:
    /// such GEMMs run as dot products of rows of op(A) with columns of op(B) instead.
    /// </summary>
    public const int NarrowColumns = 4;

    /// <summary>
    /// Below this many multiply-adds (m·n·k, about 128³) a GEMM runs on the calling thread only: measured here, waking a
    /// second thread costs about as much as it saves up to that size.
    /// </summary>
    public const long ParallelThreshold = 1L << 21;

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C with arguments already validated; beta = 0 never reads C.
    /// </summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb,
                            T beta, T* c, nint ldc, int threads, GemmBlocking blocking)
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || T.IsZero(alpha))
        {
            ScaleC(m, n, beta, c, ldc);
            return;
        }
        int mr = TKernel.Rows, nr = TKernel.Columns;
        blocking = blocking.FitTo(mr, nr);
        long work = (long)m * n * k;
        if (n <= NarrowColumns && m >= 4 * mr)
        {
            NarrowGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, work < ParallelThreshold ? 1 : threads);
            return;
        }
        int parts = work < ParallelThreshold ? 1 : Math.Min(threads, Math.Max(n / nr, m / mr));
        if (parts <= 1)
        {
            Block(transA, transB, 0, m, 0, n, k, alpha, a, lda, b, ldb, beta, c, ldc, blocking);
            return;
        }

        bool splitColumns = n >= m;
        int extent = splitColumns ? n : m, unit = splitColumns ? nr : mr;
        int chunk = (extent + parts - 1) / parts;
        chunk = (chunk + unit - 1) / unit * unit;
        parts = (extent + chunk - 1) / chunk;
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int start = part * chunk, end = Math.Min(extent, start + chunk);
            if (splitColumns)
                Block(transA, transB, 0, m, start, end, k, alpha, (T*)pa, lda, (T*)pb, ldb, beta, (T*)pc, ldc, blocking);
            else
                Block(transA, transB, start, end, 0, n, k, alpha, (T*)pa, lda, (T*)pb, ldb, beta, (T*)pc, ldc, blocking);
        });
    }

    /// <summary>The sequential loop nest over rows [m0, m1) and columns [n0, n1) of C.</summary>
    private static void Block(bool transA, bool transB, int m0, int m1, int n0, int n1, int k, T alpha, T* a, nint lda,
                              T* b, nint ldb, T beta, T* c, nint ldc, GemmBlocking blocking)
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        int mcMax = Math.Min(blocking.Mc, RoundUp(m1 - m0, mr));
        int ncMax = Math.Min(blocking.Nc, RoundUp(n1 - n0, nr));
        int kcMax = Math.Min(blocking.Kc, k);
        T* packedA = (T*)PackBuffers.A((long)mcMax * kcMax * sizeof(T));
        T* packedB = (T*)PackBuffers.B((long)ncMax * kcMax * sizeof(T));
        for (int jc = n0; jc < n1; jc += blocking.Nc)
        {
            int nc = Math.Min(blocking.Nc, n1 - jc);
            for (int pc = 0; pc < k; pc += blocking.Kc)
            {
                int kc = Math.Min(blocking.Kc, k - pc);
                // Read op(B) in place (only a partial last panel is packed, zero-padded) when few rows use it.
                bool direct = !transB && m1 - m0 <= DirectBRows;
                int fullColumns = nc / nr * nr;
                if (!direct)
                    GemmPacking<T>.PackB(b, ldb, transB, pc, jc, kc, nc, nr, packedB);
                else if (fullColumns < nc)
                    GemmPacking<T>.PackB(b, ldb, transB, pc, jc + fullColumns, kc, nc - fullColumns, nr, packedB);
                T* directB = direct ? b + pc * ldb + jc : null;
                bool overwrite = pc == 0 && T.IsZero(beta);
                T stepBeta = pc == 0 ? beta : T.One;
                for (int ic = m0; ic < m1; ic += blocking.Mc)
                {
                    int mc = Math.Min(blocking.Mc, m1 - ic);
                    GemmPacking<T>.PackA(a, lda, transA, ic, pc, mc, kc, alpha, mr, packedA);
                    Macro(mc, nc, kc, packedA, packedB, directB, ldb, c + ic * ldc + jc, ldc, stepBeta, overwrite);
                }
            }
        }
    }

    /// <summary>
    /// Runs the register tiles of one packed A block against one B panel: packed, or (when <paramref name="directB"/>
    /// is not null) read in place with stride <paramref name="ldb"/> for full column panels and packed for the last one.
    /// </summary>
    internal static void Macro(int mc, int nc, int kc, T* packedA, T* packedB, T* directB, nint ldb, T* c, nint ldc, T beta, bool overwrite)
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        T* tile = stackalloc T[mr * nr];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* bPanel;
            nint bStride;
            if (directB == null)
            {
                bPanel = packedB + (nint)jr * kc;
                bStride = nr;
            }
            else if (cols == nr)
            {
                bPanel = directB + jr;
                bStride = ldb;
            }
            else
            {
                bPanel = packedB;
                bStride = nr;
            }
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                T* aPanel = packedA + (nint)ir * kc;
                T* cTile = c + ir * ldc + jr;
                if (rows == mr && cols == nr)
                {
                    TKernel.Run(kc, aPanel, bPanel, bStride, cTile, ldc, beta, overwrite);
                }
                else
                {
                    TKernel.Run(kc, aPanel, bPanel, bStride, tile, nr, T.Zero, true);
                    MergeEdge(rows, cols, tile, nr, cTile, ldc, beta, overwrite);
                }
            }
        }
    }

    /// <summary>Writes the live rows×cols corner of a full register tile computed into a scratch tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MergeEdge(int rows, int cols, T* tile, int nr, T* c, nint ldc, T beta, bool overwrite)
    {
        for (int i = 0; i < rows; i++)
        {
            var src = new ReadOnlySpan<T>(tile + i * nr, cols);
            var dst = new Span<T>(c + i * ldc, cols);
            if (overwrite) src.CopyTo(dst);
            else System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(dst, beta, src, dst);
        }
    }

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C for very few columns: op(B) is copied column by column into contiguous rows, op(A)
    /// rows are read in place (gathered when A is transposed), and each element of C is one SIMD dot product.
    /// </summary>
    private static void NarrowGemm(bool transA, bool transB, int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb,
                                   T beta, T* c, nint ldc, int threads)
    {
        T[] columns = System.Buffers.ArrayPool<T>.Shared.Rent(n * k);
        try
        {
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++)
                    columns[j * k + p] = transB ? b[j * ldb + p] : b[p * ldb + j];
            int parts = Math.Max(1, Math.Min(threads, m / 16));
            int chunk = (m + parts - 1) / parts;
            nint pa = (nint)a, pc = (nint)c;
            void Rows(int part)
            {
                int start = part * chunk, end = Math.Min(m, start + chunk);
                T[]? rented = transA ? System.Buffers.ArrayPool<T>.Shared.Rent(k) : null;
                try
                {
                    for (int i = start; i < end; i++)
                    {
                        ReadOnlySpan<T> row;
                        if (transA)
                        {
                            for (int p = 0; p < k; p++) rented![p] = ((T*)pa)[p * lda + i];
                            row = rented.AsSpan(0, k);
                        }
                        else row = new ReadOnlySpan<T>((T*)pa + i * lda, k);
                        T* ci = (T*)pc + i * ldc;
                        for (int j = 0; j < n; j++)
                        {
                            T dot = alpha * System.Numerics.Tensors.TensorPrimitives.Dot(row, columns.AsSpan(j * k, k));
                            ci[j] = T.IsZero(beta) ? dot : dot + beta * ci[j];
                        }
                    }
                }
                finally
                {
                    if (rented is not null) System.Buffers.ArrayPool<T>.Shared.Return(rented);
                }
            }
            if (parts == 1) Rows(0);
            else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Rows);
        }
        finally
        {
            System.Buffers.ArrayPool<T>.Shared.Return(columns);
        }
    }

    /// <summary>C = beta·C over m×n (beta = 0 writes zeros without reading C).</summary>
    private static void ScaleC(int m, int n, T beta, T* c, nint ldc)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<T>(c + i * ldc, n);
            if (T.IsZero(beta)) row.Clear();
            else if (beta != T.One) System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
