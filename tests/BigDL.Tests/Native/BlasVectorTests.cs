using System.Numerics;
using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// GEMV (both transposes), GER, AXPY, DOT and SCAL of every present provider against naive loops written here,
/// with increments above 1 and padded leading dimensions whose padding must stay untouched.
/// </summary>
public abstract class BlasVectorTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 8, 9, 16, 17, 33, 100];
    private static readonly int[] Increments = [1, 2, 3];
    private static readonly (double Alpha, double Beta)[] Scalars = [(1, 0), (1, 1), (-0.5, 2), (0.75, -1), (0, 0.5), (2, 0)];

    public static TheoryData<string> Providers => BlasTestProviders.Present();

    // Every length from 0 to 70 (each SIMD tail of 4, 8 or 16 lanes), then a few long ones.
    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 71).Concat([100, 257, 1000]);

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemv_BothTransposesWithIncrements_MatchesOracleAndKeepsPadding(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(31);
        int index = 0;
        foreach (bool trans in new[] { false, true })
            foreach (int m in Sizes)
                foreach (int n in Sizes)
                {
                    var (alpha, beta) = Scalars[index % Scalars.Length];
                    int incx = Increments[index % 3], incy = Increments[(index / 3) % 3], lda = Math.Max(1, n) + index % 2;
                    int xLength = trans ? m : n, yLength = trans ? n : m;
                    string context = $"{provider} {typeof(T).Name} gemv trans={trans} m={m} n={n} incx={incx} incy={incy} lda={lda} alpha={alpha} beta={beta}";
                    var a = PaddedBuffer<T>.Matrix(m, n, lda, random);
                    var x = PaddedBuffer<T>.Vector(xLength, incx, random);
                    var y = PaddedBuffer<T>.Vector(yLength, incy, random, nanValues: beta == 0);

                    blas.GemvT(trans, m, n, T.CreateTruncating(alpha), a.Data, lda, x.Data, incx, T.CreateTruncating(beta), y.Data, incy);

                    for (int i = 0; i < yLength; i++)
                    {
                        double sum = 0, magnitude = 0;
                        for (int j = 0; j < xLength; j++)
                        {
                            double term = (trans ? a.InitialAt(j * lda + i) : a.InitialAt(i * lda + j)) * x.InitialAt(j * incx);
                            sum += term;
                            magnitude += Math.Abs(term);
                        }
                        double old = beta == 0 ? 0 : beta * y.InitialAt(i * incy);
                        BlasOracle.AssertClose(alpha * sum + old, Math.Abs(alpha) * magnitude + Math.Abs(old), xLength, y.Data[i * incy], $"{context} y[{i}]");
                    }
                    y.AssertPaddingUntouched(context);
                    a.AssertUnchanged(context + " (A)");
                    x.AssertUnchanged(context + " (x)");
                    index++;
                }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Ger_WithIncrementsAndPaddedLda_MatchesOracleAndKeepsPadding(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(32);
        int index = 0;
        foreach (int m in Sizes)
            foreach (int n in Sizes)
            {
                double alpha = index % 2 == 0 ? 1.5 : -0.25;
                int incx = Increments[index % 3], incy = Increments[(index / 3) % 3], lda = Math.Max(1, n) + index % 3;
                string context = $"{provider} {typeof(T).Name} ger m={m} n={n} incx={incx} incy={incy} lda={lda} alpha={alpha}";
                var x = PaddedBuffer<T>.Vector(m, incx, random);
                var y = PaddedBuffer<T>.Vector(n, incy, random);
                var a = PaddedBuffer<T>.Matrix(m, n, lda, random);

                blas.GerT(m, n, T.CreateTruncating(alpha), x.Data, incx, y.Data, incy, a.Data, lda);

                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double term = alpha * x.InitialAt(i * incx) * y.InitialAt(j * incy), old = a.InitialAt(i * lda + j);
                        BlasOracle.AssertClose(old + term, Math.Abs(old) + Math.Abs(term), 1, a.Data[i * lda + j], $"{context} A[{i},{j}]");
                    }
                a.AssertPaddingUntouched(context);
                x.AssertUnchanged(context + " (x)");
                y.AssertUnchanged(context + " (y)");
                index++;
            }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Axpy_EveryLengthAndIncrement_MatchesOracleAndKeepsGaps(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(33);
        foreach (int n in Lengths())
            foreach (int incx in Increments)
                foreach (int incy in Increments)
                {
                    double alpha = n % 2 == 0 ? 0.5 : -3;
                    string context = $"{provider} {typeof(T).Name} axpy n={n} incx={incx} incy={incy}";
                    var x = PaddedBuffer<T>.Vector(n, incx, random);
                    var y = PaddedBuffer<T>.Vector(n, incy, random);

                    blas.AxpyT(n, T.CreateTruncating(alpha), x.Data, incx, y.Data, incy);

                    for (int i = 0; i < n; i++)
                    {
                        double term = alpha * x.InitialAt(i * incx), old = y.InitialAt(i * incy);
                        BlasOracle.AssertClose(old + term, Math.Abs(old) + Math.Abs(term), 1, y.Data[i * incy], $"{context} y[{i}]");
                    }
                    y.AssertPaddingUntouched(context);
                    x.AssertUnchanged(context + " (x)");
                }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Dot_EveryLengthAndIncrement_MatchesOracle(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(34);
        foreach (int n in Lengths())
            foreach (int incx in Increments)
                foreach (int incy in Increments)
                {
                    string context = $"{provider} {typeof(T).Name} dot n={n} incx={incx} incy={incy}";
                    var x = PaddedBuffer<T>.Vector(n, incx, random);
                    var y = PaddedBuffer<T>.Vector(n, incy, random);

                    T dot = blas.DotT<T>(n, x.Data, incx, y.Data, incy);

                    double sum = 0, magnitude = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double term = x.InitialAt(i * incx) * y.InitialAt(i * incy);
                        sum += term;
                        magnitude += Math.Abs(term);
                    }
                    BlasOracle.AssertClose(sum, magnitude, n, dot, context);
                    x.AssertUnchanged(context + " (x)");
                    y.AssertUnchanged(context + " (y)");
                }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Scal_EveryLengthAndIncrement_MatchesOracleAndKeepsGaps(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(35);
        foreach (int n in Lengths())
            foreach (int incx in Increments)
            {
                double alpha = n % 3 == 0 ? 0 : n % 3 == 1 ? -1.25 : 3;
                string context = $"{provider} {typeof(T).Name} scal n={n} incx={incx} alpha={alpha}";
                var x = PaddedBuffer<T>.Vector(n, incx, random);

                blas.ScalT(n, T.CreateTruncating(alpha), x.Data, incx);

                for (int i = 0; i < n; i++)
                {
                    double expected = alpha * x.InitialAt(i * incx);
                    BlasOracle.AssertClose(expected, Math.Abs(expected), 1, x.Data[i * incx], $"{context} x[{i}]");
                }
                x.AssertPaddingUntouched(context);
            }
    }

    [Fact]
    public void Dot_SmallVectorsByHand_MatchesHandComputedValue()
    {
        // [1, 2, 3]·[4, 5, 6] = 32; with increment 2 over [1, _, 2, _, 3] the same.
        foreach (string name in BlasTestProviders.Names())
        {
            IBlas blas = BlasTestProviders.Get(name);
            T[] x = [T.CreateTruncating(1), T.CreateTruncating(99), T.CreateTruncating(2), T.CreateTruncating(99), T.CreateTruncating(3)];
            T[] y = [T.CreateTruncating(4), T.CreateTruncating(5), T.CreateTruncating(6)];
            Assert.Equal(T.CreateTruncating(32), blas.DotT<T>(3, x, 2, y, 1));
        }
    }
}

public sealed class BlasVectorTestsFloat : BlasVectorTests<float>;

public sealed class BlasVectorTestsDouble : BlasVectorTests<double>;
