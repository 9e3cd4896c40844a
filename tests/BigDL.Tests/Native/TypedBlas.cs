using System.Numerics;
using System.Runtime.InteropServices;
using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>Calls the float or double overload of an <see cref="IBlas"/> from generic test code.</summary>
internal static class TypedBlas
{
    public static void GemmT<T>(this IBlas blas, bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                                ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            blas.Gemm(transA, transB, m, n, k, F(alpha), F(a), lda, F(b), ldb, F(beta), F(c), ldc);
        else
            blas.Gemm(transA, transB, m, n, k, D(alpha), D(a), lda, D(b), ldb, D(beta), D(c), ldc);
    }

    public static void GemmBatchedT<T>(this IBlas blas, bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                                       int strideA, ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            blas.GemmBatched(transA, transB, m, n, k, F(alpha), F(a), lda, strideA, F(b), ldb, strideB, F(beta), F(c), ldc, strideC, batch);
        else
            blas.GemmBatched(transA, transB, m, n, k, D(alpha), D(a), lda, strideA, D(b), ldb, strideB, D(beta), D(c), ldc, strideC, batch);
    }

    public static void GemvT<T>(this IBlas blas, bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx,
                                T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            blas.Gemv(trans, m, n, F(alpha), F(a), lda, F(x), incx, F(beta), F(y), incy);
        else
            blas.Gemv(trans, m, n, D(alpha), D(a), lda, D(x), incx, D(beta), D(y), incy);
    }

    public static void GerT<T>(this IBlas blas, int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            blas.Ger(m, n, F(alpha), F(x), incx, F(y), incy, F(a), lda);
        else
            blas.Ger(m, n, D(alpha), D(x), incx, D(y), incy, D(a), lda);
    }

    public static void AxpyT<T>(this IBlas blas, int n, T alpha, ReadOnlySpan<T> x, int incx, Span<T> y, int incy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) blas.Axpy(n, F(alpha), F(x), incx, F(y), incy);
        else blas.Axpy(n, D(alpha), D(x), incx, D(y), incy);
    }

    public static T DotT<T>(this IBlas blas, int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy)
        where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float)
            ? T.CreateTruncating(blas.Dot(n, F(x), incx, F(y), incy))
            : T.CreateTruncating(blas.Dot(n, D(x), incx, D(y), incy));

    public static void ScalT<T>(this IBlas blas, int n, T alpha, Span<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) blas.Scal(n, F(alpha), F(x), incx);
        else blas.Scal(n, D(alpha), D(x), incx);
    }

    private static float F<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => float.CreateTruncating(value);
    private static double D<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => double.CreateTruncating(value);
    private static ReadOnlySpan<float> F<T>(ReadOnlySpan<T> span) where T : unmanaged => MemoryMarshal.Cast<T, float>(span);
    private static ReadOnlySpan<double> D<T>(ReadOnlySpan<T> span) where T : unmanaged => MemoryMarshal.Cast<T, double>(span);
    private static Span<float> F<T>(Span<T> span) where T : unmanaged => MemoryMarshal.Cast<T, float>(span);
    private static Span<double> D<T>(Span<T> span) where T : unmanaged => MemoryMarshal.Cast<T, double>(span);
}
