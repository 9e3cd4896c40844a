namespace BigDL.Native;

/// <summary>
/// Validation every BLAS provider runs before computing, so that bad dimensions, leading dimensions,
/// increments or short buffers raise an <see cref="ArgumentException"/> naming the argument, the
/// expected and the actual value, and never reach native code.
/// </summary>
public static class BlasArguments
{
    /// <summary>Checks a row-major GEMM: op(A) m×k, op(B) k×n, C m×n.</summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        NonNegative(m, nameof(m));
        NonNegative(n, nameof(n));
        NonNegative(k, nameof(k));
        Matrix("a", transA ? k : m, transA ? m : k, aLength, lda, nameof(lda));
        Matrix("b", transB ? n : k, transB ? k : n, bLength, ldb, nameof(ldb));
        Matrix("c", m, n, cLength, ldc, nameof(ldc));
    }

    /// <summary>Checks a strided batch of GEMMs.</summary>
    public static void GemmBatched(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int strideA,
                                   int bLength, int ldb, int strideB, int cLength, int ldc, int strideC, int batch)
    {
        NonNegative(batch, nameof(batch));
        NonNegative(strideA, nameof(strideA));
        NonNegative(strideB, nameof(strideB));
        NonNegative(strideC, nameof(strideC));
        if (batch == 0) return;
        long last = batch - 1;
        Gemm(transA, transB, m, n, k, Remaining(aLength, last * strideA, "a"), lda, Remaining(bLength, last * strideB, "b"), ldb,
             Remaining(cLength, last * strideC, "c"), ldc);
    }

    /// <summary>Checks a row-major GEMV: A m×n, x of length n (m when transposed), y of length m (n when transposed).</summary>
    public static void Gemv(bool trans, int m, int n, int aLength, int lda, int xLength, int incx, int yLength, int incy)
    {
        NonNegative(m, nameof(m));
        NonNegative(n, nameof(n));
        Matrix("a", m, n, aLength, lda, nameof(lda));
        Vector("x", trans ? m : n, xLength, incx, nameof(incx));
        Vector("y", trans ? n : m, yLength, incy, nameof(incy));
    }

    /// <summary>Checks a rank-1 update: x of length m, y of length n, A m×n.</summary>
    public static void Ger(int m, int n, int xLength, int incx, int yLength, int incy, int aLength, int lda)
    {
        NonNegative(m, nameof(m));
        NonNegative(n, nameof(n));
        Vector("x", m, xLength, incx, nameof(incx));
        Vector("y", n, yLength, incy, nameof(incy));
        Matrix("a", m, n, aLength, lda, nameof(lda));
    }

    /// <summary>Checks a vector of <paramref name="n"/> elements read every <paramref name="inc"/> elements.</summary>
    public static void Vector(string name, int n, int length, int inc, string incName)
    {
        NonNegative(n, "n");
        if (inc < 1) throw new ArgumentOutOfRangeException(incName, inc, $"{incName} must be at least 1, got {inc}");
        long need = n == 0 ? 0 : (long)(n - 1) * inc + 1;
        if (length < need)
            throw new ArgumentException($"{name} needs at least {need} elements for n = {n} with {incName} = {inc}, got {length}", name);
    }

    private static void Matrix(string name, int rows, int cols, int length, int ld, string ldName)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld, $"{ldName} must be at least max(1, {cols}) for a row-major {rows}x{cols} {name}, got {ld}");
        long need = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < need)
            throw new ArgumentException($"{name} needs at least {need} elements for a {rows}x{cols} matrix with {ldName} = {ld}, got {length}", name);
    }

    private static int Remaining(int length, long start, string name)
    {
        if (start > length)
            throw new ArgumentException($"{name} has {length} elements, but the last matrix of the batch starts at {start}", name);
        return (int)(length - start);
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative, got {value}");
    }
}
