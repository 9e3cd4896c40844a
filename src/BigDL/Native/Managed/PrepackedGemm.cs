using System.Numerics;

namespace BigDL.Native.Managed;

/// <summary>
/// A GEMM C = A·B for an A used by many products (a layer's weights, reused for every image of a batch): A is packed
/// once by <see cref="PackA"/>, then each <see cref="Run{TSource}"/> packs its B from an <see cref="IPanelSource{T}"/>
/// and writes C on the calling thread. Several threads may call <see cref="Run{TSource}"/> at once (each packs B into
/// its own buffer). Uses the managed provider's widest accelerated micro-kernel.
/// </summary>
internal sealed unsafe class PrepackedGemm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static GemmKernelWidth Width => PackedGemm<T>.Width;
    private static GemmBlocking Blocking => PackedGemm<T>.Blocking;

    private T[] _packed = [];
    private int _m, _k;

    /// <summary>Packs the m×k row-major matrix <paramref name="a"/> (leading dimension <paramref name="lda"/>).</summary>
    public void PackA(ReadOnlySpan<T> a, int lda, int m, int k)
    {
        BlasArguments.Gemm(false, false, m, 1, k, a.Length, lda, k, 1, m, 1);
        long length = Width == GemmKernelWidth.Vector512 ? PrepackedGemmLoop<T, MicroKernel512<T>>.PackedALength(m, k) : PrepackedGemmLoop<T, MicroKernel256<T>>.PackedALength(m, k);
        if (_packed.Length < length) _packed = GC.AllocateUninitializedArray<T>((int)length, pinned: true);
        fixed (T* pa = a, dst = _packed)
        {
            if (Width == GemmKernelWidth.Vector512) PrepackedGemmLoop<T, MicroKernel512<T>>.PackA(pa, lda, m, k, Blocking, dst);
            else PrepackedGemmLoop<T, MicroKernel256<T>>.PackA(pa, lda, m, k, Blocking, dst);
        }
        (_m, _k) = (m, k);
    }

    /// <summary>
    /// C[m, n] = A·B, or C += A·B when <paramref name="accumulate"/> (otherwise C is never read); B has k rows and
    /// <paramref name="n"/> columns.
    /// </summary>
    public void Run<TSource>(int n, TSource source, Span<T> c, int ldc, bool accumulate = false) where TSource : struct, IPanelSource<T>
    {
        if (n == 0 || _m == 0) return;
        if (ldc < n || c.Length < (long)(_m - 1) * ldc + n)
            throw new ArgumentException($"C of length {c.Length} with ldc {ldc} cannot hold {_m}x{n}", nameof(c));
        // Fixed, not only allocated pinned: a cloned layer (ModuleCloner copies the array) holds an unpinned copy.
        fixed (T* pc = c, packed = _packed)
        {
            if (Width == GemmKernelWidth.Vector512) PrepackedGemmLoop<T, MicroKernel512<T>>.Run(_m, n, _k, packed, source, pc, ldc, accumulate, Blocking);
            else PrepackedGemmLoop<T, MicroKernel256<T>>.Run(_m, n, _k, packed, source, pc, ldc, accumulate, Blocking);
        }
    }
}
