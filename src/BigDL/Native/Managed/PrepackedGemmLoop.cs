using System.Numerics;

namespace BigDL.Native.Managed;

/// <summary>
/// The loop nest of <see cref="PrepackedGemm{T}"/> for one micro-kernel type: A arrives packed for every block, B is
/// packed by a source one KC×NC panel at a time into this thread's buffer, C is written or added to.
/// </summary>
internal static unsafe class PrepackedGemmLoop<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    /// <summary>Packs all of A (m×k, row-major, lda) into <paramref name="dst"/>: for each KC block, every MR-row panel.</summary>
    public static void PackA(T* a, nint lda, int m, int k, GemmBlocking blocking, T* dst)
    {
        int paddedRows = PaddedRows(m);
        for (int pc = 0; pc < k; pc += blocking.Kc)
        {
            int kc = Math.Min(blocking.Kc, k - pc);
            GemmPacking<T>.PackA(a, lda, false, 0, pc, m, kc, T.One, TKernel.Rows, dst + (nint)paddedRows * pc);
        }
    }

    /// <summary>Values <see cref="PackA"/> writes for an m×k A.</summary>
    public static long PackedALength(int m, int k) => (long)PaddedRows(m) * k;

    /// <summary>C[m, n] = A·B (+ C when <paramref name="accumulate"/>) with A packed by <see cref="PackA"/> and B from <paramref name="source"/>.</summary>
    public static void Run<TSource>(int m, int n, int k, T* packedA, TSource source, T* c, nint ldc, bool accumulate, GemmBlocking blocking)
        where TSource : struct, IPanelSource<T>
    {
        int nr = TKernel.Columns, paddedRows = PaddedRows(m);
        int kcMax = Math.Min(blocking.Kc, k), ncMax = Math.Min(blocking.Nc, (n + nr - 1) / nr * nr);
        T* packedB = (T*)PackBuffers.B((long)ncMax * kcMax * sizeof(T));
        for (int jc = 0; jc < n; jc += blocking.Nc)
        {
            int nc = Math.Min(blocking.Nc, n - jc);
            for (int pc = 0; pc < k; pc += blocking.Kc)
            {
                int kc = Math.Min(blocking.Kc, k - pc);
                source.Pack(pc, jc, kc, nc, nr, packedB);
                T* block = packedA + (nint)paddedRows * pc;
                for (int ic = 0; ic < m; ic += blocking.Mc)
                {
                    int mc = Math.Min(blocking.Mc, m - ic);
                    GemmDriver<T, TKernel>.Macro(mc, nc, kc, block + (nint)ic * kc, packedB, null, 0, c + ic * ldc + jc, ldc, T.One, pc == 0 && !accumulate);
                }
            }
        }
    }

    private static int PaddedRows(int m) => (m + TKernel.Rows - 1) / TKernel.Rows * TKernel.Rows;
}
