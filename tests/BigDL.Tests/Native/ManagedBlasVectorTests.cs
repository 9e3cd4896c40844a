using System.Numerics;
using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// Level 1/2 routines of <see cref="ManagedBlas"/> against naive double loops written here: unit and larger
/// increments, padded leading dimensions, every SIMD tail length; padding and gaps must keep their sentinels.
/// </summary>
public abstract class ManagedBlasVectorTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 8, 9, 16, 17, 33, 100];
    private static readonly int[] Increments = [1, 2, 3];
    private static readonly (double Alpha, double Beta)[] Scalars = [(1, 0), (1, 1), (-0.5, 2), (0.75, 0.3), (0, 0.5), (2, 0)];

    private static IEnumerable<int> Lengths()
    {
        for (int n = 0; n <= 40; n++) yield return n;
        yield return 257;
        yield return 1000;
    }

    [Fact]
    public void Gemv_BothTransposesWithIncrements_MatchesOracleAndKeepsPadding()
    {
        var blas = new ManagedBlas();
        var random = new RandomGenerator(31);
        int index = 0;
        foreach (bool trans in new[] { false, true })
            foreach (int m in Sizes)
                foreach (int n in Sizes)
                {
                    var (alpha, beta) = Scalars[index % Scalars.Length];
                    int incx = Increments[index % 3], incy = Increments[(index / 3) % 3], lda = Math.Max(1, n) + index % 2;
                    int xLength = trans ? m : n, yLength = trans ? n : m;
                    string context = $"managed {typeof(T).Name} gemv trans={trans} m={m} n={n} incx={incx} incy={incy} lda={lda} alpha={alpha} beta={beta}";
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

    [Fact]
    public void Ger_WithIncrementsAndPaddedLda_MatchesOracleAndKeepsPadding()
    {
        var blas = new ManagedBlas();
        var random = new RandomGenerator(32);
        int index = 0;
        foreach (int m in Sizes)
            foreach (int n in Sizes)
            {
                double alpha = index % 2 == 0 ? 1.5 : -0.25;
                int incx = Increments[index % 3], incy = Increments[(index / 3) % 3], lda = Math.Max(1, n) + index % 3;
                string context = $"managed {typeof(T).Name} ger m={m} n={n} incx={incx} incy={incy} lda={lda} alpha={alpha}";
                var x = PaddedBuffer<T>.Vector(m, incx, random);
                var y = PaddedBuffer<T>.Vector(n, incy, random);
                var a = PaddedBuffer<T>.Matrix(m, n, lda, random);

                blas.GerT(m, n, T.CreateTruncating(alpha), x.Data, incx, y.Data, incy, a.Data, lda);

                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double old = a.InitialAt(i * lda + j), term = alpha * x.InitialAt(i * incx) * y.InitialAt(j * incy);
                        BlasOracle.AssertClose(old + term, Math.Abs(old) + Math.Abs(term), 2, a.Data[i * lda + j], $"{context} A[{i},{j}]");
                    }
                a.AssertPaddingUntouched(context);
                x.AssertUnchanged(context + " (x)");
                y.AssertUnchanged(context + " (y)");
                index++;
            }
    }

    [Fact]
    public void AxpyDotScal_EveryLengthAndIncrement_MatchOracleAndKeepGaps()
    {
        var blas = new ManagedBlas();
        var random = new RandomGenerator(33);
        foreach (int n in Lengths())
            foreach (int incx in Increments)
                foreach (int incy in Increments)
                {
                    string context = $"managed {typeof(T).Name} n={n} incx={incx} incy={incy}";
                    var x = PaddedBuffer<T>.Vector(n, incx, random);
                    var y = PaddedBuffer<T>.Vector(n, incy, random);

                    double dot = 0, magnitude = 0;
                    for (int i = 0; i < n; i++)
                    {
                        dot += x.InitialAt(i * incx) * y.InitialAt(i * incy);
                        magnitude += Math.Abs(x.InitialAt(i * incx) * y.InitialAt(i * incy));
                    }
                    BlasOracle.AssertClose(dot, magnitude, n, blas.DotT<T>(n, x.Data, incx, y.Data, incy), context + " dot");

                    blas.AxpyT(n, T.CreateTruncating(-1.5), x.Data, incx, y.Data, incy);
                    for (int i = 0; i < n; i++)
                    {
                        double old = y.InitialAt(i * incy), term = -1.5 * x.InitialAt(i * incx);
                        BlasOracle.AssertClose(old + term, Math.Abs(old) + Math.Abs(term), 2, y.Data[i * incy], $"{context} axpy y[{i}]");
                    }
                    y.AssertPaddingUntouched(context + " axpy");
                    x.AssertUnchanged(context + " axpy (x)");

                    blas.ScalT(n, T.CreateTruncating(0.25), x.Data, incx);
                    for (int i = 0; i < n; i++)
                        Assert.Equal(T.CreateTruncating(0.25) * x.Initial[i * incx], x.Data[i * incx]);
                    x.AssertPaddingUntouched(context + " scal");
                }
    }

    [Fact]
    public void Vector_BadIncrementOrShortBuffer_ThrowsNamingArgument()
    {
        var blas = new ManagedBlas();
        var inc = Assert.Throws<ArgumentOutOfRangeException>(() => blas.AxpyT(3, T.One, new T[3], 0, new T[3], 1));
        Assert.Equal("incx", inc.ParamName);
        var shortY = Assert.Throws<ArgumentException>(() => blas.DotT<T>(3, new T[3], 1, new T[4], 2));
        Assert.Equal("y", shortY.ParamName);
        Assert.Contains("needs at least 5", shortY.Message);
        var gemv = Assert.Throws<ArgumentException>(() => blas.GemvT(true, 2, 3, T.One, new T[6], 3, new T[1], 1, T.Zero, new T[3], 1));
        Assert.Equal("x", gemv.ParamName);
    }

    [Fact]
    public void Provider_NameThreadsAndDescription_AreAsDocumented()
    {
        var blas = new ManagedBlas();
        Assert.Equal("managed", blas.Name);
        Assert.Equal(Engine.CoreNumber, blas.Threads);
        Assert.Contains("Vector256", blas.Description);
        blas.Threads = 3;
        Assert.Equal(3, blas.Threads);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => blas.Threads = 0);
        Assert.Contains("at least 1", error.Message);
        Assert.Equal(3, blas.Threads);
    }
}

public sealed class ManagedBlasVectorTestsFloat : ManagedBlasVectorTests<float>;

public sealed class ManagedBlasVectorTestsDouble : ManagedBlasVectorTests<double>;
