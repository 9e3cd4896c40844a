using System.Numerics;
using System.Runtime.InteropServices;

namespace BigDL.Native;

/// <summary>
/// The BLAS provider this process uses, and generic entry points that route float and double to it:
/// the only place in BigDL that switches on the element type.
/// </summary>
public static class Blas
{
    private static IBlas _current = new ReferenceBlas();

    /// <summary>The provider in use.</summary>
    public static IBlas Current => _current;

    /// <summary>Replaces the provider (tests and benchmarks); returns the previous one.</summary>
    internal static IBlas Use(IBlas provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var previous = _current;
        _current = provider;
        return previous;
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C on the current provider (row-major).</summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                               ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            _current.Gemm(transA, transB, m, n, k, float.CreateTruncating(alpha), Cast<T, float>(a), lda, Cast<T, float>(b), ldb,
                          float.CreateTruncating(beta), Cast<T, float>(c), ldc);
        else if (typeof(T) == typeof(double))
            _current.Gemm(transA, transB, m, n, k, double.CreateTruncating(alpha), Cast<T, double>(a), lda, Cast<T, double>(b), ldb,
                          double.CreateTruncating(beta), Cast<T, double>(c), ldc);
        else throw Unsupported<T>();
    }

    /// <summary>y = alpha·op(A)·x + beta·y on the current provider.</summary>
    public static void Gemv<T>(bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx,
                               T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            _current.Gemv(trans, m, n, float.CreateTruncating(alpha), Cast<T, float>(a), lda, Cast<T, float>(x), incx,
                          float.CreateTruncating(beta), Cast<T, float>(y), incy);
        else if (typeof(T) == typeof(double))
            _current.Gemv(trans, m, n, double.CreateTruncating(alpha), Cast<T, double>(a), lda, Cast<T, double>(x), incx,
                          double.CreateTruncating(beta), Cast<T, double>(y), incy);
        else throw Unsupported<T>();
    }

    /// <summary>A = alpha·x·yᵀ + A on the current provider.</summary>
    public static void Ger<T>(int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            _current.Ger(m, n, float.CreateTruncating(alpha), Cast<T, float>(x), incx, Cast<T, float>(y), incy, Cast<T, float>(a), lda);
        else if (typeof(T) == typeof(double))
            _current.Ger(m, n, double.CreateTruncating(alpha), Cast<T, double>(x), incx, Cast<T, double>(y), incy, Cast<T, double>(a), lda);
        else throw Unsupported<T>();
    }

    /// <summary>Σ x[i]·y[i] on the current provider.</summary>
    public static T Dot<T>(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return T.CreateTruncating(_current.Dot(n, Cast<T, float>(x), incx, Cast<T, float>(y), incy));
        if (typeof(T) == typeof(double))
            return T.CreateTruncating(_current.Dot(n, Cast<T, double>(x), incx, Cast<T, double>(y), incy));
        throw Unsupported<T>();
    }

    /// <summary>Batched GEMM over evenly spaced matrices on the current provider.</summary>
    public static void GemmBatched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                      ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            _current.GemmBatched(transA, transB, m, n, k, float.CreateTruncating(alpha), Cast<T, float>(a), lda, strideA,
                                 Cast<T, float>(b), ldb, strideB, float.CreateTruncating(beta), Cast<T, float>(c), ldc, strideC, batch);
        else if (typeof(T) == typeof(double))
            _current.GemmBatched(transA, transB, m, n, k, double.CreateTruncating(alpha), Cast<T, double>(a), lda, strideA,
                                 Cast<T, double>(b), ldb, strideB, double.CreateTruncating(beta), Cast<T, double>(c), ldc, strideC, batch);
        else throw Unsupported<T>();
    }

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : struct where TTo : struct
        => MemoryMarshal.Cast<TFrom, TTo>(span);

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : struct where TTo : struct
        => MemoryMarshal.Cast<TFrom, TTo>(span);

    private static NotSupportedException Unsupported<T>() => new($"BLAS supports float and double, not {typeof(T).Name}");
}
