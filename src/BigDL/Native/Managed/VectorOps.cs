using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.Native.Managed;

/// <summary>
/// Level 1 and 2 BLAS for the managed provider, arguments already validated: unit increments run on
/// <see cref="TensorPrimitives"/> (SIMD), strided vectors through plain loops or a gathered contiguous copy.
/// GEMV without transpose is one dot product per row of A; with transpose it is a sequence of row axpys.
/// </summary>
internal static class VectorOps<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Σ x[i·incx]·y[i·incy].</summary>
    public static T Dot(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy)
    {
        if (n == 0) return T.Zero;
        if (incx == 1 && incy == 1) return TensorPrimitives.Dot(x[..n], y[..n]);
        T sum = T.Zero;
        for (int i = 0; i < n; i++) sum += x[i * incx] * y[i * incy];
        return sum;
    }

    /// <summary>y[i·incy] += alpha·x[i·incx].</summary>
    public static void Axpy(int n, T alpha, ReadOnlySpan<T> x, int incx, Span<T> y, int incy)
    {
        if (n == 0) return;
        if (incx == 1 && incy == 1)
        {
            TensorPrimitives.MultiplyAdd(x[..n], alpha, y[..n], y[..n]);
            return;
        }
        for (int i = 0; i < n; i++) y[i * incy] += alpha * x[i * incx];
    }

    /// <summary>x[i·incx] *= alpha.</summary>
    public static void Scal(int n, T alpha, Span<T> x, int incx)
    {
        if (n == 0) return;
        if (incx == 1)
        {
            TensorPrimitives.Multiply(x[..n], alpha, x[..n]);
            return;
        }
        for (int i = 0; i < n; i++) x[i * incx] *= alpha;
    }

    /// <summary>y = alpha·op(A)·x + beta·y; beta = 0 never reads y.</summary>
    public static void Gemv(bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx,
                            T beta, Span<T> y, int incy)
    {
        int xLength = trans ? m : n, yLength = trans ? n : m;
        if (yLength == 0) return;
        T[]? rentedX = null, rentedY = null;
        try
        {
            ReadOnlySpan<T> xs = incx == 1 ? x[..xLength] : Gather(x, xLength, incx, out rentedX);
            if (!trans)
            {
                for (int i = 0; i < m; i++)
                {
                    T dot = n == 0 || T.IsZero(alpha) ? T.Zero : TensorPrimitives.Dot(a.Slice(i * lda, n), xs);
                    ref T yi = ref y[i * incy];
                    yi = T.IsZero(beta) ? alpha * dot : alpha * dot + beta * yi;
                }
                return;
            }

            Span<T> ys = incy == 1 ? y[..yLength] : Gather(y, yLength, incy, out rentedY);
            if (T.IsZero(beta)) ys.Clear();
            else if (beta != T.One) TensorPrimitives.Multiply(ys, beta, ys);
            if (!T.IsZero(alpha))
                for (int j = 0; j < m; j++)
                {
                    T scale = alpha * xs[j];
                    TensorPrimitives.MultiplyAdd(a.Slice(j * lda, n), scale, ys, ys);
                }
            if (incy != 1)
                for (int i = 0; i < yLength; i++) y[i * incy] = ys[i];
        }
        finally
        {
            if (rentedX is not null) ArrayPool<T>.Shared.Return(rentedX);
            if (rentedY is not null) ArrayPool<T>.Shared.Return(rentedY);
        }
    }

    /// <summary>A += alpha·x·yᵀ, A m×n.</summary>
    public static void Ger(int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
    {
        if (m == 0 || n == 0) return;
        T[]? rented = null;
        try
        {
            ReadOnlySpan<T> ys = incy == 1 ? y[..n] : Gather(y, n, incy, out rented);
            for (int i = 0; i < m; i++)
            {
                Span<T> row = a.Slice(i * lda, n);
                TensorPrimitives.MultiplyAdd(ys, alpha * x[i * incx], row, row);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<T>.Shared.Return(rented);
        }
    }

    private static Span<T> Gather(ReadOnlySpan<T> source, int n, int inc, out T[] rented)
    {
        rented = ArrayPool<T>.Shared.Rent(n);
        Span<T> dense = rented.AsSpan(0, n);
        for (int i = 0; i < n; i++) dense[i] = source[i * inc];
        return dense;
    }
}
