using System.Numerics;

namespace BigDL.Tests.Native;

/// <summary>
/// Naive BLAS written for the tests, independent of the providers: double accumulation over dense copies of the
/// operands. Each result comes with a bound, the sum of the magnitudes of its terms, that scales the tolerance.
/// </summary>
internal static class BlasOracle
{
    /// <summary>Unit roundoff of <typeparamref name="T"/>.</summary>
    public static double Roundoff<T>() where T : IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? Math.ScaleB(1.0, -24) : Math.ScaleB(1.0, -53);

    /// <summary>
    /// Asserts |actual − expected| ≤ 4·u·(terms + 2)·bound: the classical error bound of a sum of
    /// <paramref name="terms"/> products, with a margin for any summation order or FMA use.
    /// </summary>
    public static void AssertClose<T>(double expected, double bound, int terms, T actual, string context)
        where T : IFloatingPointIeee754<T>
    {
        double got = double.CreateTruncating(actual);
        double tolerance = 4 * Roundoff<T>() * (terms + 2) * bound;
        if (!(Math.Abs(got - expected) <= tolerance))
            Assert.Fail($"{context}: expected {expected:R} ± {tolerance:G3}, got {got:R}");
    }

    /// <summary>
    /// One GEMM applied to <paramref name="c"/> and <paramref name="bound"/> (dense m×n, updated in place):
    /// C = alpha·op(A)·op(B) + beta·C, with beta = 0 ignoring the old C.
    /// </summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, double alpha, T[] a, int aOffset, int lda,
                               T[] b, int bOffset, int ldb, double beta, double[,] c, double[,] bound) where T : IFloatingPointIeee754<T>
    {
        var opA = new double[m, k];
        var opB = new double[k, n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
                opA[i, p] = double.CreateTruncating(transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p]);
        for (int p = 0; p < k; p++)
            for (int j = 0; j < n; j++)
                opB[p, j] = double.CreateTruncating(transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j]);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += opA[i, p] * opB[p, j];
                    magnitude += Math.Abs(opA[i, p] * opB[p, j]);
                }
                double old = beta == 0 ? 0 : beta * c[i, j];
                double oldBound = beta == 0 ? 0 : Math.Abs(beta) * bound[i, j];
                c[i, j] = alpha * sum + old;
                bound[i, j] = Math.Abs(alpha) * magnitude + oldBound;
            }
    }
}
