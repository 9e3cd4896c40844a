using System.Numerics;
using System.Runtime.Intrinsics;

namespace BigDL.Native.Managed;

/// <summary>
/// The managed provider's widest accelerated micro-kernel, its cache blocking, and a GEMM whose operands both arrive
/// already in the micro-panel layouts, so a caller can write them there itself (a Winograd transform writes its
/// products straight into panels, and padding rows and columns make every register tile a full one).
/// </summary>
/// <remarks>
/// Packed A (m×k): for each <see cref="Depth"/>-deep block of k starting at pc (kc deep), at <c>PaddedRows(m)·pc</c>,
/// panels of <see cref="Rows"/> rows, panel q at <c>q·Rows·kc</c>, each step of k holding its <see cref="Rows"/>
/// values. Packed B (k×n): the same with <see cref="Columns"/>-column panels, block at <c>PaddedColumns(n)·pc</c>.
/// </remarks>
internal static unsafe class PackedGemm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The micro-kernel family: 512-bit where it is accelerated, else 256-bit.</summary>
    public static readonly GemmKernelWidth Width = Vector512.IsHardwareAccelerated ? GemmKernelWidth.Vector512 : GemmKernelWidth.Vector256;

    /// <summary>The cache blocking for <see cref="Width"/> and this element type.</summary>
    public static readonly GemmBlocking Blocking = Width == GemmKernelWidth.Vector512
        ? GemmBlocking.For(sizeof(T), MicroKernel512<T>.Rows, MicroKernel512<T>.Columns).FitTo(MicroKernel512<T>.Rows, MicroKernel512<T>.Columns)
        : GemmBlocking.For(sizeof(T), MicroKernel256<T>.Rows, MicroKernel256<T>.Columns).FitTo(MicroKernel256<T>.Rows, MicroKernel256<T>.Columns);

    /// <summary>Rows of a register tile (MR): the height of an A panel.</summary>
    public static int Rows => Width == GemmKernelWidth.Vector512 ? MicroKernel512<T>.Rows : MicroKernel256<T>.Rows;

    /// <summary>Columns of a register tile (NR): the width of a B panel.</summary>
    public static int Columns => Width == GemmKernelWidth.Vector512 ? MicroKernel512<T>.Columns : MicroKernel256<T>.Columns;

    /// <summary>
    /// Depth of one packed block of k (KC) for <see cref="Multiply"/>: a B micro-panel of 16 KB, half the L1 cache, so it
    /// stays there while the A panels stream past it (measured on the Winograd products: 10-15% faster than the 32 KB
    /// panels of <see cref="Blocking"/>'s depth, which A evicts).
    /// </summary>
    public static int Depth => 16384 / (Columns * sizeof(T));

    /// <summary><paramref name="m"/> rounded up to whole A panels.</summary>
    public static int PaddedRows(int m) => (m + Rows - 1) / Rows * Rows;

    /// <summary><paramref name="n"/> rounded up to whole B panels.</summary>
    public static int PaddedColumns(int n) => (n + Columns - 1) / Columns * Columns;

    /// <summary>
    /// C[m, n] = A·B, or C += A·B when <paramref name="accumulate"/> (otherwise C is never read), with A and B packed
    /// (see the remarks), m a multiple of <see cref="Rows"/> and n of <see cref="Columns"/>; C has leading dimension
    /// <paramref name="ldc"/>.
    /// </summary>
    public static void Multiply(int m, int n, int k, T* a, T* b, T* c, nint ldc, bool accumulate = false)
    {
        if (Width == GemmKernelWidth.Vector512) Multiply<MicroKernel512<T>>(m, n, k, a, b, c, ldc, accumulate);
        else Multiply<MicroKernel256<T>>(m, n, k, a, b, c, ldc, accumulate);
    }

    private static void Multiply<TKernel>(int m, int n, int k, T* a, T* b, T* c, nint ldc, bool accumulate) where TKernel : IMicroKernel<T>
    {
        for (int pc = 0; pc < k; pc += Depth)
        {
            int kc = Math.Min(Depth, k - pc);
            T* block = a + (nint)m * pc;
            for (int ic = 0; ic < m; ic += Blocking.Mc)
                GemmDriver<T, TKernel>.Macro(Math.Min(Blocking.Mc, m - ic), n, kc, block + (nint)ic * kc, b + (nint)n * pc, null, 0,
                    c + ic * ldc, ldc, T.One, overwrite: pc == 0 && !accumulate);
        }
    }

    /// <summary>
    /// C[m, n] = A·B when <paramref name="overwrite"/>, else C += A·B, for one depth block: A packed m ×
    /// <paramref name="kc"/> (panels of <see cref="Rows"/> rows), B packed <paramref name="kc"/> × n (panels of
    /// <see cref="Columns"/>), m and n whole panels, m at most <see cref="GemmBlocking.Mc"/> of <see cref="Blocking"/>.
    /// </summary>
    public static void MultiplyBlock(int m, int n, int kc, T* a, T* b, T* c, nint ldc, bool overwrite)
    {
        if (Width == GemmKernelWidth.Vector512) GemmDriver<T, MicroKernel512<T>>.Macro(m, n, kc, a, b, null, 0, c, ldc, T.One, overwrite);
        else GemmDriver<T, MicroKernel256<T>>.Macro(m, n, kc, a, b, null, 0, c, ldc, T.One, overwrite);
    }
}
