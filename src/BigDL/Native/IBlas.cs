namespace BigDL.Native;

/// <summary>
/// The BLAS seam: the few level-1/2/3 routines BigDL needs, in float and double, row-major (CBLAS
/// <c>CblasRowMajor</c>) semantics. Implemented by Intel MKL, OpenBLAS and a managed SIMD provider.
/// </summary>
/// <remarks>
/// Matrices are row-major: element (i, j) of an m×n matrix with leading dimension ld is at <c>i * ld + j</c>.
/// <c>op(A)</c> is A or Aᵀ; for GEMM op(A) is m×k and op(B) k×n. Vectors are read with increments ≥ 1.
/// Arguments are validated by <c>BlasArguments</c> before any provider runs, so bad input never
/// reaches native code.
/// </remarks>
public interface IBlas
{
    /// <summary>Short provider name: <c>mkl</c>, <c>openblas</c> or <c>managed</c>.</summary>
    string Name { get; }

    /// <summary>Version and configuration as the library reports it.</summary>
    string Description { get; }

    /// <summary>Threads the provider uses for one call.</summary>
    int Threads { get; set; }

    /// <summary>C = alpha·op(A)·op(B) + beta·C.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
              ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <inheritdoc cref="Gemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>
    void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
              ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);

    /// <summary>y = alpha·op(A)·x + beta·y, A an m×n matrix.</summary>
    void Gemv(bool trans, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, int incx,
              float beta, Span<float> y, int incy);

    /// <inheritdoc cref="Gemv(bool, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>
    void Gemv(bool trans, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, int incx,
              double beta, Span<double> y, int incy);

    /// <summary>A = alpha·x·yᵀ + A, A an m×n matrix.</summary>
    void Ger(int m, int n, float alpha, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy, Span<float> a, int lda);

    /// <inheritdoc cref="Ger(int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int)"/>
    void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy, Span<double> a, int lda);

    /// <summary>y = alpha·x + y.</summary>
    void Axpy(int n, float alpha, ReadOnlySpan<float> x, int incx, Span<float> y, int incy);

    /// <inheritdoc cref="Axpy(int, float, ReadOnlySpan{float}, int, Span{float}, int)"/>
    void Axpy(int n, double alpha, ReadOnlySpan<double> x, int incx, Span<double> y, int incy);

    /// <summary>Σ x[i]·y[i].</summary>
    float Dot(int n, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy);

    /// <inheritdoc cref="Dot(int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int)"/>
    double Dot(int n, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy);

    /// <summary>x = alpha·x.</summary>
    void Scal(int n, float alpha, Span<float> x, int incx);

    /// <inheritdoc cref="Scal(int, float, Span{float}, int)"/>
    void Scal(int n, double alpha, Span<double> x, int incx);

    /// <summary>
    /// <paramref name="batch"/> GEMMs over matrices spaced <c>strideA</c>, <c>strideB</c>, <c>strideC</c> elements apart:
    /// C[i] = alpha·op(A[i])·op(B[i]) + beta·C[i].
    /// </summary>
    void GemmBatched(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, int strideA,
                     ReadOnlySpan<float> b, int ldb, int strideB, float beta, Span<float> c, int ldc, int strideC, int batch);

    /// <inheritdoc cref="GemmBatched(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, int, int, float, Span{float}, int, int, int)"/>
    void GemmBatched(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, int strideA,
                     ReadOnlySpan<double> b, int ldb, int strideB, double beta, Span<double> c, int ldc, int strideC, int batch);
}
