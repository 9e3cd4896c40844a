using System.Numerics;

namespace BigDL.Native;

/// <summary>
/// Textbook BLAS loops, written for clarity and not speed: the oracle every provider is tested against.
/// </summary>
internal sealed class ReferenceBlas : IBlas
{
    public string Name => "reference";
    public string Description => "naive loops (test oracle)";
    public int Threads { get => 1; set { } }

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

    public void GemmBatched(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, int strideA, ReadOnlySpan<float> b, int ldb, int strideB, float beta, Span<float> c, int ldc, int strideC, int batch)
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        for (int i = 0; i < batch; i++)
            Gemm<float>(transA, transB, m, n, k, alpha, a[(i * strideA)..], lda, b[(i * strideB)..], ldb, beta, c[(i * strideC)..], ldc);
    }

    public void GemmBatched(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, int strideA, ReadOnlySpan<double> b, int ldb, int strideB, double beta, Span<double> c, int ldc, int strideC, int batch)
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        for (int i = 0; i < batch; i++)
            Gemm<double>(transA, transB, m, n, k, alpha, a[(i * strideA)..], lda, b[(i * strideB)..], ldb, beta, c[(i * strideC)..], ldc);
    }

    private static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    T av = transA ? a[p * lda + i] : a[i * lda + p];
                    T bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += double.CreateChecked(av) * double.CreateChecked(bv);
                }
                T old = T.IsZero(beta) ? T.Zero : beta * c[i * ldc + j];
                c[i * ldc + j] = alpha * T.CreateChecked(sum) + old;
            }
        }
    }

    private static void Gemv<T>(bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx, T beta, Span<T> y, int incy)
        where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Gemv(trans, m, n, a.Length, lda, x.Length, incx, y.Length, incy);
        int rows = trans ? n : m, cols = trans ? m : n;
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            for (int j = 0; j < cols; j++)
                sum += double.CreateChecked(trans ? a[j * lda + i] : a[i * lda + j]) * double.CreateChecked(x[j * incx]);
            T old = T.IsZero(beta) ? T.Zero : beta * y[i * incy];
            y[i * incy] = alpha * T.CreateChecked(sum) + old;
        }
    }

    private static void Ger<T>(int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
        where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Ger(m, n, x.Length, incx, y.Length, incy, a.Length, lda);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                a[i * lda + j] += alpha * x[i * incx] * y[j * incy];
    }

    private static void Axpy<T>(int n, T alpha, ReadOnlySpan<T> x, int incx, Span<T> y, int incy) where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        for (int i = 0; i < n; i++) y[i * incy] += alpha * x[i * incx];
    }

    private static T Dot<T>(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy) where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        double sum = 0;
        for (int i = 0; i < n; i++) sum += double.CreateChecked(x[i * incx]) * double.CreateChecked(y[i * incy]);
        return T.CreateChecked(sum);
    }

    private static void Scal<T>(int n, T alpha, Span<T> x, int incx) where T : IFloatingPointIeee754<T>
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        for (int i = 0; i < n; i++) x[i * incx] *= alpha;
    }
}
