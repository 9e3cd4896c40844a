using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using static BigDL.Native.NativeMethods;

namespace BigDL.Native;

/// <summary>
/// What MKL and OpenBLAS share: validation through <see cref="BlasArguments"/>, the degenerate shapes handled
/// in managed code, pinning, and the calls into the CBLAS table of one library.
/// </summary>
/// <remarks>
/// Each routine is written once, generic in the element type; the switch on <c>typeof(T)</c> sits only at the
/// native call, where float and double have different entry points. Lengths reach native code only after
/// <see cref="BlasArguments"/> has checked them against the spans, and every pointer comes from <c>fixed</c>.
/// Empty operations return before any native call, so no null pointer is ever passed; an empty inner dimension
/// (k = 0 in GEMM, an empty x in GEMV) scales the output by beta here, as the mathematics (and <c>ReferenceBlas</c>)
/// say, because reference BLAS skips that scaling for GEMV.
/// </remarks>
internal abstract unsafe class CblasProvider : IBlas
{
    private readonly CblasApi _api;

    protected CblasProvider(CblasApi api, string libraryPath)
    {
        _api = api;
        LibraryPath = libraryPath;
    }

    /// <summary>The name or path the library was loaded from.</summary>
    public string LibraryPath { get; }

    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract int Threads { get; set; }

    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Gemm<float>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Gemm<double>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    public void Gemv(bool trans, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, int incx, float beta, Span<float> y, int incy)
        => Gemv<float>(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
    public void Gemv(bool trans, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, int incx, double beta, Span<double> y, int incy)
        => Gemv<double>(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
    public void Ger(int m, int n, float alpha, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy, Span<float> a, int lda)
        => Ger<float>(m, n, alpha, x, incx, y, incy, a, lda);
    public void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy, Span<double> a, int lda)
        => Ger<double>(m, n, alpha, x, incx, y, incy, a, lda);
    public void Axpy(int n, float alpha, ReadOnlySpan<float> x, int incx, Span<float> y, int incy) => Axpy<float>(n, alpha, x, incx, y, incy);
    public void Axpy(int n, double alpha, ReadOnlySpan<double> x, int incx, Span<double> y, int incy) => Axpy<double>(n, alpha, x, incx, y, incy);
    public float Dot(int n, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy) => Dot<float>(n, x, incx, y, incy);
    public double Dot(int n, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy) => Dot<double>(n, x, incx, y, incy);
    public void Scal(int n, float alpha, Span<float> x, int incx) => Scal<float>(n, alpha, x, incx);
    public void Scal(int n, double alpha, Span<double> x, int incx) => Scal<double>(n, alpha, x, incx);
    public void GemmBatched(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, int strideA,
                            ReadOnlySpan<float> b, int ldb, int strideB, float beta, Span<float> c, int ldc, int strideC, int batch)
        => GemmBatched<float>(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch);
    public void GemmBatched(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, int strideA,
                            ReadOnlySpan<double> b, int ldb, int strideB, double beta, Span<double> c, int ldc, int strideC, int batch)
        => GemmBatched<double>(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch);

    /// <summary>
    /// Runs a whole strided batch in one native call when the library has one; returns false to fall back to a
    /// loop of GEMMs. Called only with validated arguments, m, n, k ≥ 1, batch ≥ 2 and non-overlapping C matrices.
    /// </summary>
    protected virtual bool TryGemmBatched<T>(int transA, int transB, int m, int n, int k, T alpha, T* a, int lda, int strideA,
                                             T* b, int ldb, int strideB, T beta, T* c, int ldc, int strideC, int batch)
        where T : unmanaged => false;

    /// <summary>CBLAS transpose code for a flag.</summary>
    protected static int Op(bool transpose) => transpose ? CblasTrans : CblasNoTrans;

    private void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                         ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            ScaleMatrix(c, m, n, ldc, beta);
            return;
        }
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
            GemmUnchecked(Op(transA), Op(transB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    private void GemmBatched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        if (batch == 0 || m == 0 || n == 0) return;
        if (k == 0)
        {
            for (int i = 0; i < batch; i++) ScaleMatrix(c[(i * strideC)..], m, n, ldc, beta);
            return;
        }
        int ta = Op(transA), tb = Op(transB);
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            // A batched call may run the matrices in parallel, so it is only used when no two C matrices share an
            // element; overlapping outputs (strideC = 0 accumulates into one C) keep the sequential loop's meaning.
            bool disjointC = strideC >= (long)(m - 1) * ldc + n;
            if (batch > 1 && disjointC && TryGemmBatched(ta, tb, m, n, k, alpha, pa, lda, strideA, pb, ldb, strideB, beta, pc, ldc, strideC, batch))
                return;
            for (int i = 0; i < batch; i++)
                GemmUnchecked(ta, tb, m, n, k, alpha, pa + (long)i * strideA, lda, pb + (long)i * strideB, ldb, beta, pc + (long)i * strideC, ldc);
        }
    }

    private void GemmUnchecked<T>(int ta, int tb, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            _api.Sgemm(CblasRowMajor, ta, tb, m, n, k, Unsafe.BitCast<T, float>(alpha), (float*)a, lda, (float*)b, ldb,
                       Unsafe.BitCast<T, float>(beta), (float*)c, ldc);
        else
            _api.Dgemm(CblasRowMajor, ta, tb, m, n, k, Unsafe.BitCast<T, double>(alpha), (double*)a, lda, (double*)b, ldb,
                       Unsafe.BitCast<T, double>(beta), (double*)c, ldc);
    }

    private void Gemv<T>(bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx,
                         T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Gemv(trans, m, n, a.Length, lda, x.Length, incx, y.Length, incy);
        int yLength = trans ? n : m, xLength = trans ? m : n;
        if (yLength == 0) return;
        if (xLength == 0)
        {
            ScaleVector(y, yLength, incy, beta);
            return;
        }
        fixed (T* pa = a)
        fixed (T* px = x)
        fixed (T* py = y)
        {
            if (typeof(T) == typeof(float))
                _api.Sgemv(CblasRowMajor, Op(trans), m, n, Unsafe.BitCast<T, float>(alpha), (float*)pa, lda, (float*)px, incx,
                           Unsafe.BitCast<T, float>(beta), (float*)py, incy);
            else
                _api.Dgemv(CblasRowMajor, Op(trans), m, n, Unsafe.BitCast<T, double>(alpha), (double*)pa, lda, (double*)px, incx,
                           Unsafe.BitCast<T, double>(beta), (double*)py, incy);
        }
    }

    private void Ger<T>(int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Ger(m, n, x.Length, incx, y.Length, incy, a.Length, lda);
        if (m == 0 || n == 0) return;
        fixed (T* px = x)
        fixed (T* py = y)
        fixed (T* pa = a)
        {
            if (typeof(T) == typeof(float))
                _api.Sger(CblasRowMajor, m, n, Unsafe.BitCast<T, float>(alpha), (float*)px, incx, (float*)py, incy, (float*)pa, lda);
            else
                _api.Dger(CblasRowMajor, m, n, Unsafe.BitCast<T, double>(alpha), (double*)px, incx, (double*)py, incy, (double*)pa, lda);
        }
    }

    private void Axpy<T>(int n, T alpha, ReadOnlySpan<T> x, int incx, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        if (n == 0) return;
        fixed (T* px = x)
        fixed (T* py = y)
        {
            if (typeof(T) == typeof(float))
                _api.Saxpy(n, Unsafe.BitCast<T, float>(alpha), (float*)px, incx, (float*)py, incy);
            else
                _api.Daxpy(n, Unsafe.BitCast<T, double>(alpha), (double*)px, incx, (double*)py, incy);
        }
    }

    private T Dot<T>(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        if (n == 0) return T.Zero;
        fixed (T* px = x)
        fixed (T* py = y)
        {
            return typeof(T) == typeof(float)
                ? Unsafe.BitCast<float, T>(_api.Sdot(n, (float*)px, incx, (float*)py, incy))
                : Unsafe.BitCast<double, T>(_api.Ddot(n, (double*)px, incx, (double*)py, incy));
        }
    }

    private void Scal<T>(int n, T alpha, Span<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        if (n == 0) return;
        fixed (T* px = x)
        {
            if (typeof(T) == typeof(float))
                _api.Sscal(n, Unsafe.BitCast<T, float>(alpha), (float*)px, incx);
            else
                _api.Dscal(n, Unsafe.BitCast<T, double>(alpha), (double*)px, incx);
        }
    }

    /// <summary>C = beta·C over an m×n block (beta = 0 writes zeros, ignoring NaN in C, as BLAS does).</summary>
    private static void ScaleMatrix<T>(Span<T> c, int rows, int cols, int ldc, T beta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = c.Slice(r * ldc, cols);
            if (T.IsZero(beta)) row.Clear();
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }

    /// <summary>y = beta·y over <paramref name="n"/> elements read every <paramref name="incy"/>.</summary>
    private static void ScaleVector<T>(Span<T> y, int n, int incy, T beta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int i = 0; i < n; i++)
            y[i * incy] = T.IsZero(beta) ? T.Zero : beta * y[i * incy];
    }
}
