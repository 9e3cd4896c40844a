using System.Runtime.CompilerServices;
using static BigDL.Native.NativeMethods;

namespace BigDL.Native;

/// <summary>
/// Intel MKL through its single dynamic library <c>libmkl_rt</c> (LP64 interface), the provider BigDL
/// itself shipped with. Batched GEMM uses <c>cblas_?gemm_batch_strided</c> when this MKL exports it.
/// </summary>
internal sealed unsafe class MklBlas : CblasProvider
{
    private readonly MklApi _mkl;

    public MklBlas(MklApi mkl, string libraryPath) : base(mkl.Blas, libraryPath)
    {
        _mkl = mkl;
        Description = mkl.Version();
    }

    public override string Name => BlasProviders.MklName;

    /// <summary>MKL's version string, read once at load.</summary>
    public override string Description { get; }

    /// <summary>Whether this MKL has the strided batch GEMM (MKL 2020.2 and later).</summary>
    public bool HasBatchStrided => _mkl.SgemmBatchStrided != null && _mkl.DgemmBatchStrided != null;

    /// <summary><c>MKL_Get_Max_Threads</c> / <c>MKL_Set_Num_Threads</c>.</summary>
    public override int Threads
    {
        get => _mkl.GetMaxThreads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(value));
            _mkl.SetNumThreads(value);
        }
    }

    protected override bool TryGemmBatched<T>(int transA, int transB, int m, int n, int k, T alpha, T* a, int lda, int strideA,
                                              T* b, int ldb, int strideB, T beta, T* c, int ldc, int strideC, int batch)
    {
        // MKL refuses (prints an error and leaves C alone) a stride smaller than a whole stored matrix, ld × rows,
        // so shared operands (stride 0) and tightly packed last rows go through the loop instead.
        int aRows = transA == CblasTrans ? k : m, bRows = transB == CblasTrans ? n : k;
        if (!HasBatchStrided || strideA < (long)lda * aRows || strideB < (long)ldb * bRows || strideC < (long)ldc * m) return false;
        if (typeof(T) == typeof(float))
            _mkl.SgemmBatchStrided(CblasRowMajor, transA, transB, m, n, k, Unsafe.BitCast<T, float>(alpha), (float*)a, lda, strideA,
                                   (float*)b, ldb, strideB, Unsafe.BitCast<T, float>(beta), (float*)c, ldc, strideC, batch);
        else
            _mkl.DgemmBatchStrided(CblasRowMajor, transA, transB, m, n, k, Unsafe.BitCast<T, double>(alpha), (double*)a, lda, strideA,
                                   (double*)b, ldb, strideB, Unsafe.BitCast<T, double>(beta), (double*)c, ldc, strideC, batch);
        return true;
    }
}
