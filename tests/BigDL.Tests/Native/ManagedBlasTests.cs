using System.Numerics;
using BigDL.Native;
using BigDL.Native.Managed;

namespace BigDL.Tests.Native;

/// <summary>
/// The managed packed GEMM against <see cref="BlasOracle"/> (double-accumulated naive loops written for the tests):
/// seeded samples of m, n, k around every tile and block edge, all four transpose combinations, padded leading
/// dimensions whose sentinels must survive, alpha/beta pairs including beta = 0 over a NaN-filled C, one and two
/// threads, the forced 256-bit kernel, and shapes that cross the MC, KC and NC cache blocks.
/// </summary>
public abstract class ManagedBlasTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 5, 6, 7, 8, 15, 16, 17, 31, 33, 64, 100, 257];
    private static readonly double[] Alphas = [1, 0.5, 0, -2];
    private static readonly double[] Betas = [0, 1, 0.3];

    [Fact]
    public void Gemm_TwoByThreeByHand_MatchesHandComputedValues()
    {
        // [1 2 3; 4 5 6]·[1 0; 0 1; 1 1] = [4 5; 10 11]; 0.5·that + 2·[1 1; 1 1] = [4 4.5; 7 7.5].
        var blas = new ManagedBlas();
        T[] a = Values(1, 2, 3, 4, 5, 6), b = Values(1, 0, 0, 1, 1, 1), c = Values(1, 1, 1, 1);
        blas.GemmT(false, false, 2, 2, 3, T.CreateTruncating(0.5), a, 3, b, 2, T.CreateTruncating(2), c, 2);
        Assert.Equal(Values(4, 4.5, 7, 7.5), c);
    }

    [Fact]
    public void Gemm_BetaZeroOverNaN_OverwritesWithoutReadingC()
    {
        var blas = new ManagedBlas();
        T[] a = Values(1, 2, 3, 4), b = Values(5, 6, 7, 8), c = [T.NaN, T.NaN, T.PositiveInfinity, T.NaN];
        blas.GemmT(true, true, 2, 2, 2, T.One, a, 2, b, 2, T.Zero, c, 2);
        Assert.Equal(Values(23, 31, 34, 46), c);

        T[] d = [T.NaN, T.NaN, T.NaN, T.NaN];
        blas.GemmT(false, false, 2, 2, 0, T.One, a, 2, b, 2, T.Zero, d, 2);
        Assert.Equal(Values(0, 0, 0, 0), d);
    }

    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(false, true, 2)]
    [InlineData(true, false, 1)]
    [InlineData(true, true, 2)]
    public void Gemm_SampledEdgeShapesPaddingsAndScalars_MatchesOracleAndKeepsPadding(bool transA, bool transB, int threads)
    {
        var random = new RandomGenerator(9100UL + (transA ? 2UL : 0) + (transB ? 1UL : 0));
        var sampler = new RandomGenerator(77UL + (ulong)threads);
        var blas = new ManagedBlas(GemmKernelWidth.Vector256) { Threads = threads };
        for (int s = 0; s < 110; s++)
        {
            int m = Pick(sampler), n = Pick(sampler), k = Pick(sampler);
            if ((long)m * n * k > 257L * 100 * 100) k = Math.Min(k, 33); // keep the oracle cheap
            double alpha = Alphas[s % Alphas.Length], beta = Betas[(s / Alphas.Length) % Betas.Length];
            int padA = s % 3, padB = (s / 3) % 3, padC = (s / 2) % 3;
            string context = $"managed {typeof(T).Name} threads={threads} transA={transA} transB={transB} m={m} n={n} k={k} " +
                             $"alpha={alpha} beta={beta} pads={padA},{padB},{padC}";
            RunGemm(blas, transA, transB, m, n, k, alpha, beta, padA, padB, padC, random, context);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Gemm_ForcedVector512Kernel_MatchesOracleAndKeepsPadding(bool transA, bool transB)
    {
        // On a machine without AVX-512 this runs the 8x(2 vectors) kernel in software emulation: slow but exact
        // enough to check its tiling, packing widths and edges.
        var random = new RandomGenerator(5120UL + (transA ? 2UL : 0) + (transB ? 1UL : 0));
        var sampler = new RandomGenerator(512);
        var blas = new ManagedBlas(GemmKernelWidth.Vector512) { Threads = 2 };
        Assert.Contains("Vector512", blas.Description);
        for (int s = 0; s < 40; s++)
        {
            int m = Pick(sampler), n = Pick(sampler), k = Math.Min(Pick(sampler), 64);
            double alpha = Alphas[s % Alphas.Length], beta = Betas[(s / Alphas.Length) % Betas.Length];
            RunGemm(blas, transA, transB, m, n, k, alpha, beta, s % 2, (s / 2) % 2, s % 3, random,
                    $"managed512 {typeof(T).Name} transA={transA} transB={transB} m={m} n={n} k={k} alpha={alpha} beta={beta}");
        }
        RunLargeGemm(blas, transA, transB, 160, 300, 300, 0.5, 0.3, 1, 0, 2, random, $"managed512 {typeof(T).Name} 160x300x300");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Gemm_ShapesCrossingCacheBlocks_MatchOracleOnBlockEdges(int threads)
    {
        var random = new RandomGenerator(4242);
        var blas = new ManagedBlas { Threads = threads };
        // 300x500x700 crosses MC and KC (several k slices accumulate into C); 7x4200x300 crosses NC and reads B in place.
        RunLargeGemm(blas, false, false, 300, 500, 700, 1, 0, 1, 2, 3, random, $"managed {typeof(T).Name} 300x500x700 threads={threads}");
        RunLargeGemm(blas, true, false, 7, 4200, 300, -0.5, 0.3, 0, 1, 0, random, $"managed {typeof(T).Name} 7x4200x300 threads={threads}");
        RunLargeGemm(blas, true, false, 200, 37, 600, 2, 1, 2, 0, 1, random, $"managed {typeof(T).Name} 200x37x600 threads={threads}");
        // At most 4 columns: the dot-product path, both layouts of each operand.
        RunLargeGemm(blas, true, false, 300, 3, 500, -2, 0, 1, 1, 2, random, $"managed {typeof(T).Name} 300x3x500 threads={threads}");
        RunLargeGemm(blas, false, true, 100, 4, 70, 0.5, 0.3, 0, 2, 1, random, $"managed {typeof(T).Name} 100x4x70 threads={threads}");
        RunLargeGemm(blas, false, false, 2000, 2, 600, 1, 0, 3, 1, 0, random, $"managed {typeof(T).Name} 2000x2x600 threads={threads}");
    }

    [Fact]
    public void Gemm_ForcedVector256AndDefault_AgreeBitForBit()
    {
        var random = new RandomGenerator(5);
        int m = 45, n = 70, k = 300;
        T[] a = Random(m * k, random), b = Random(k * n, random);
        T[] c1 = new T[m * n], c2 = new T[m * n];
        new ManagedBlas { Threads = 1 }.GemmT(false, true, m, n, k, T.One, a, k, b, k, T.Zero, c1, n);
        new ManagedBlas(GemmKernelWidth.Vector256) { Threads = 1 }.GemmT(false, true, m, n, k, T.One, a, k, b, k, T.Zero, c2, n);
        Assert.Equal(c1, c2);
        Assert.Contains(c1, v => v != T.Zero);
    }

    [Theory]
    [InlineData("gaps", 1)]
    [InlineData("gaps", 2)]
    [InlineData("sameC", 2)]
    [InlineData("sharedA", 2)]
    public void GemmBatched_Layouts_MatchSequentialOracle(string layout, int threads)
    {
        var random = new RandomGenerator(606);
        var blas = new ManagedBlas { Threads = threads };
        int index = 0;
        foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 17, 5), (16, 33, 8), (6, 16, 100), (40, 40, 40), (0, 3, 2), (3, 2, 0) })
            foreach (int batch in new[] { 0, 1, 5 })
            {
                bool transA = index % 2 == 1, transB = index % 3 == 1;
                double alpha = Alphas[index % Alphas.Length], beta = Betas[index % Betas.Length];
                index++;
                int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
                int lda = Math.Max(1, aCols) + 1, ldb = Math.Max(1, bCols), ldc = Math.Max(1, n) + 2;
                int aSize = Footprint(aRows, aCols, lda), bSize = Footprint(bRows, bCols, ldb), cSize = Footprint(m, n, ldc);
                int strideA = layout == "sharedA" ? 0 : aSize + 3, strideB = bSize + 1, strideC = layout == "sameC" ? 0 : cSize + 4;
                int slots = Math.Max(batch, 1), cSlots = layout == "sameC" ? 1 : slots;
                var a = PaddedBuffer<T>.Flat(Math.Max(strideA * slots, aSize), random);
                var b = PaddedBuffer<T>.Flat(strideB * slots, random);
                int cLength = cSlots * Math.Max(strideC, cSize);
                var c = PaddedBuffer<T>.Flat(cLength, random).KeepOnly(e =>
                {
                    int slot = strideC == 0 ? 0 : e / strideC, within = e - slot * strideC;
                    return e < cLength && within < cSize && within % ldc < n;
                });
                string context = $"managed {typeof(T).Name} batched {layout} threads={threads} batch={batch} m={m} n={n} k={k} " +
                                 $"transA={transA} transB={transB} alpha={alpha} beta={beta}";

                var expected = new double[slots][,];
                var bound = new double[slots][,];
                for (int s = 0; s < batch; s++)
                {
                    int cOffset = s * strideC;
                    expected[s] = new double[m, n];
                    bound[s] = new double[m, n];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                        {
                            bool chained = strideC == 0 && s > 0;
                            expected[s][i, j] = chained ? expected[s - 1][i, j] : c.InitialAt(cOffset + i * ldc + j);
                            bound[s][i, j] = chained ? bound[s - 1][i, j] : Math.Abs(expected[s][i, j]);
                        }
                    BlasOracle.Gemm(transA, transB, m, n, k, alpha, a.Data, s * strideA, lda, b.Data, s * strideB, ldb, beta, expected[s], bound[s]);
                }

                blas.GemmBatchedT(transA, transB, m, n, k, T.CreateTruncating(alpha), a.Data, lda, strideA, b.Data, ldb, strideB,
                                  T.CreateTruncating(beta), c.Data, ldc, strideC, batch);

                for (int s = 0; s < batch; s++)
                {
                    if (strideC == 0 && s < batch - 1) continue;
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                            BlasOracle.AssertClose(expected[s][i, j], bound[s][i, j], k * (strideC == 0 ? batch : 1),
                                                   c.Data[s * strideC + i * ldc + j], $"{context} C{s}[{i},{j}]");
                }
                if (batch == 0) Assert.Equal(c.Initial, c.Data);
                c.AssertPaddingUntouched(context);
                a.AssertUnchanged(context + " (A)");
                b.AssertUnchanged(context + " (B)");
            }
    }

    [Fact]
    public void Gemm_ShortBuffer_ThrowsNamingArgumentAndSizes()
    {
        var blas = new ManagedBlas();
        T[] a = new T[5], b = new T[6], c = new T[4];
        var error = Assert.Throws<ArgumentException>(() => blas.GemmT(false, false, 2, 2, 3, T.One, a, 3, b, 2, T.Zero, c, 2));
        Assert.Equal("a", error.ParamName);
        Assert.Contains("needs at least 6", error.Message);
        Assert.Contains("2x3", error.Message);

        var ld = Assert.Throws<ArgumentOutOfRangeException>(() => blas.GemmT(false, false, 2, 2, 3, T.One, new T[6], 3, b, 2, T.Zero, c, 1));
        Assert.Equal("ldc", ld.ParamName);
        Assert.Contains("2x2", ld.Message);
    }

    private static void RunGemm(IBlas blas, bool transA, bool transB, int m, int n, int k, double alpha, double beta,
                                int padA, int padB, int padC, RandomGenerator random, string context)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = Math.Max(1, aCols) + padA, ldb = Math.Max(1, bCols) + padB, ldc = Math.Max(1, n) + padC;
        var a = PaddedBuffer<T>.Matrix(aRows, aCols, lda, random);
        var b = PaddedBuffer<T>.Matrix(bRows, bCols, ldb, random);
        var c = PaddedBuffer<T>.Matrix(m, n, ldc, random, nanValues: beta == 0);

        var expected = new double[m, n];
        var bound = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                expected[i, j] = c.InitialAt(i * ldc + j);
                bound[i, j] = Math.Abs(expected[i, j]);
            }
        BlasOracle.Gemm(transA, transB, m, n, k, alpha, a.Data, 0, lda, b.Data, 0, ldb, beta, expected, bound);

        blas.GemmT(transA, transB, m, n, k, T.CreateTruncating(alpha), a.Data, lda, b.Data, ldb, T.CreateTruncating(beta), c.Data, ldc);

        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                BlasOracle.AssertClose(expected[i, j], bound[i, j], k, c.Data[i * ldc + j], $"{context} C[{i},{j}]");
        c.AssertPaddingUntouched(context);
        a.AssertUnchanged(context + " (A)");
        b.AssertUnchanged(context + " (B)");
    }

    /// <summary>
    /// A GEMM too large for the full oracle: checks every element of the rows and columns at tile and block edges
    /// (and a few seeded random ones), which together touch every register tile row/column band and every block,
    /// plus all padding.
    /// </summary>
    private static void RunLargeGemm(IBlas blas, bool transA, bool transB, int m, int n, int k, double alpha, double beta,
                                     int padA, int padB, int padC, RandomGenerator random, string context)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + padA, ldb = bCols + padB, ldc = n + padC;
        var a = PaddedBuffer<T>.Matrix(aRows, aCols, lda, random);
        var b = PaddedBuffer<T>.Matrix(bRows, bCols, ldb, random);
        var c = PaddedBuffer<T>.Matrix(m, n, ldc, random, nanValues: beta == 0);

        blas.GemmT(transA, transB, m, n, k, T.CreateTruncating(alpha), a.Data, lda, b.Data, ldb, T.CreateTruncating(beta), c.Data, ldc);

        double A(int i, int p) => transA ? a.InitialAt(p * lda + i) : a.InitialAt(i * lda + p);
        double B(int p, int j) => transB ? b.InitialAt(j * ldb + p) : b.InitialAt(p * ldb + j);
        void Check(int i, int j)
        {
            double sum = 0, magnitude = 0;
            for (int p = 0; p < k; p++)
            {
                double term = A(i, p) * B(p, j);
                sum += term;
                magnitude += Math.Abs(term);
            }
            double old = beta == 0 ? 0 : beta * c.InitialAt(i * ldc + j);
            BlasOracle.AssertClose(alpha * sum + old, Math.Abs(alpha) * magnitude + Math.Abs(old), k, c.Data[i * ldc + j], $"{context} C[{i},{j}]");
        }
        foreach (int i in EdgeIndices(m, random))
            for (int j = 0; j < n; j++) Check(i, j);
        foreach (int j in EdgeIndices(n, random))
            for (int i = 0; i < m; i++) Check(i, j);
        c.AssertPaddingUntouched(context);
        a.AssertUnchanged(context + " (A)");
        b.AssertUnchanged(context + " (B)");
    }

    // Indices on both sides of every multiple of 6, 8, 16, 72, 96, 144 and 256 below the extent (tile and block
    // edges of either element type), the last index, and four random ones.
    private static SortedSet<int> EdgeIndices(int extent, RandomGenerator random)
    {
        var set = new SortedSet<int> { 0, extent - 1 };
        foreach (int edge in new[] { 6, 8, 16, 72, 96, 144, 256, 4080 })
            if (edge < extent)
            {
                set.Add(edge - 1);
                set.Add(edge);
            }
        for (int r = 0; r < 4; r++) set.Add((int)(random.NextUInt32() % (uint)extent));
        return set;
    }

    private static int Pick(RandomGenerator random) => Sizes[(int)(random.NextUInt32() % (uint)Sizes.Length)];

    private static int Footprint(int rows, int cols, int ld) => rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;

    private static T[] Random(int length, RandomGenerator random)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++) values[i] = T.CreateTruncating(random.Uniform(-1, 1));
        return values;
    }

    private static T[] Values(params double[] values)
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = T.CreateTruncating(values[i]);
        return result;
    }
}

public sealed class ManagedBlasTestsFloat : ManagedBlasTests<float>;

public sealed class ManagedBlasTestsDouble : ManagedBlasTests<double>;
