using System.Numerics;
using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// GEMM and batched GEMM of every present provider against <see cref="BlasOracle"/>: all m, n, k in
/// {0, 1, 2, 3, 7, 16, 33, 100}, both transposes, padded leading dimensions, several alpha/beta pairs.
/// </summary>
public abstract class BlasGemmTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 16, 33, 100];

    // (alpha, beta, fill C with NaN): beta = 0 must ignore whatever C holds, NaN included, as BLAS does.
    private static readonly (double Alpha, double Beta, bool NanC)[] Scalars =
        [(1, 0, true), (1, 1, false), (-0.5, 2, false), (0.75, -1, false), (2, 0, true), (0, 0.5, false)];

    public static TheoryData<string> Providers => BlasTestProviders.Present();

    [Fact]
    public void Gemm_TwoByTwoByHand_MatchesHandComputedValues()
    {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50]; then 2·that + 1·[1 1; 1 1] = [39 45; 87 101].
        foreach (string name in Names())
        {
            T[] a = Values(1, 2, 3, 4), b = Values(5, 6, 7, 8), c = Values(1, 1, 1, 1);
            BlasTestProviders.Get(name).GemmT(false, false, 2, 2, 2, T.CreateTruncating(2), a, 2, b, 2, T.One, c, 2);
            Assert.Equal(Values(39, 45, 87, 101), c);
        }
    }

    [Fact]
    public void Gemm_TransposedOperandsByHand_MatchesHandComputedValues()
    {
        // Aᵀ·Bᵀ with A = [1 2; 3 4], B = [5 6; 7 8]: [1 3; 2 4]·[5 7; 6 8] = [23 31; 34 46].
        foreach (string name in Names())
        {
            T[] a = Values(1, 2, 3, 4), b = Values(5, 6, 7, 8), c = Values(0, 0, 0, 0);
            BlasTestProviders.Get(name).GemmT(true, true, 2, 2, 2, T.One, a, 2, b, 2, T.Zero, c, 2);
            Assert.Equal(Values(23, 31, 34, 46), c);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemm_AllShapesTransposesAndPaddings_MatchesOracleAndKeepsPadding(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(20240611);
        int index = 0;
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
                foreach (int m in Sizes)
                    foreach (int n in Sizes)
                        foreach (int k in Sizes)
                        {
                            var (alpha, beta, nanC) = Scalars[index % Scalars.Length];
                            int padA = index % 3, padB = (index / 3) % 3, padC = (index / 9) % 3;
                            string context = $"{provider} {typeof(T).Name} gemm transA={transA} transB={transB} m={m} n={n} k={k} " +
                                             $"alpha={alpha} beta={beta} pads={padA},{padB},{padC}";
                            RunGemm(blas, transA, transB, m, n, k, alpha, beta, nanC, padA, padB, padC, random, context);
                            index++;
                        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void GemmBatched_DisjointSharedAndAccumulatingOutputs_MatchesSequentialOracle(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var random = new RandomGenerator(77);
        int index = 0;
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
                foreach (int batch in new[] { 0, 1, 3 })
                    foreach (var (m, n, k) in new[] { (1, 1, 1), (2, 3, 4), (7, 16, 3), (16, 7, 33), (0, 3, 2), (3, 2, 0), (33, 33, 16) })
                        foreach (string layout in new[] { "gaps", "sharedA", "sameC" })
                        {
                            var (alpha, beta, _) = Scalars[index++ % Scalars.Length];
                            string context = $"{provider} {typeof(T).Name} gemmBatched {layout} batch={batch} transA={transA} transB={transB} " +
                                             $"m={m} n={n} k={k} alpha={alpha} beta={beta}";
                            RunGemmBatched(blas, transA, transB, m, n, k, batch, layout, alpha, beta, random, context);
                        }
    }

    private static void RunGemm(IBlas blas, bool transA, bool transB, int m, int n, int k, double alpha, double beta, bool nanC,
                                int padA, int padB, int padC, RandomGenerator random, string context)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = Math.Max(1, aCols) + padA, ldb = Math.Max(1, bCols) + padB, ldc = Math.Max(1, n) + padC;
        var a = PaddedBuffer<T>.Matrix(aRows, aCols, lda, random);
        var b = PaddedBuffer<T>.Matrix(bRows, bCols, ldb, random);
        var c = PaddedBuffer<T>.Matrix(m, n, ldc, random, nanValues: nanC && beta == 0);

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

    private static void RunGemmBatched(IBlas blas, bool transA, bool transB, int m, int n, int k, int batch, string layout,
                                       double alpha, double beta, RandomGenerator random, string context)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = Math.Max(1, aCols) + 1, ldb = Math.Max(1, bCols), ldc = Math.Max(1, n) + 2;
        int aSize = Footprint(aRows, aCols, lda), bSize = Footprint(bRows, bCols, ldb), cSize = Footprint(m, n, ldc);
        // gaps: every matrix apart, with 5 unused elements between them; sharedA: one A for the whole batch
        // (shared weights); sameC: every product accumulates into one C, in order.
        int strideA = layout == "sharedA" ? 0 : aSize + 5, strideB = bSize + 5, strideC = layout == "sameC" ? 0 : cSize + 5;
        int slots = Math.Max(batch, 1), cSlots = layout == "sameC" ? 1 : slots;
        var a = PaddedBuffer<T>.Flat(layout == "sharedA" ? aSize : slots * strideA, random);
        var b = PaddedBuffer<T>.Flat(slots * strideB, random);
        // Only the elements of each C matrix are live; the gaps between matrices must keep the sentinel.
        var c = PaddedBuffer<T>.Flat(cSlots * Math.Max(strideC, cSize), random).KeepOnly(e =>
        {
            int slot = strideC == 0 ? 0 : e / strideC, within = e - slot * strideC;
            return slot < cSlots && within < cSize && within % ldc < n && e < cSlots * Math.Max(strideC, cSize);
        });
        T[] initialC = c.Initial;

        var expected = new double[slots, m, n];
        var bound = new double[slots, m, n];
        for (int s = 0; s < batch; s++)
        {
            int cOffset = s * strideC;
            var cs = new double[m, n];
            var bs = new double[m, n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    // sameC: start from what the previous product left (sequential meaning of the batch).
                    bool chained = strideC == 0 && s > 0;
                    cs[i, j] = chained ? expected[s - 1, i, j] : double.CreateTruncating(initialC[cOffset + i * ldc + j]);
                    bs[i, j] = chained ? bound[s - 1, i, j] : Math.Abs(cs[i, j]);
                }
            BlasOracle.Gemm(transA, transB, m, n, k, alpha, a.Data, s * strideA, lda, b.Data, s * strideB, ldb, beta, cs, bs);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    expected[s, i, j] = cs[i, j];
                    bound[s, i, j] = bs[i, j];
                }
        }

        blas.GemmBatchedT(transA, transB, m, n, k, T.CreateTruncating(alpha), a.Data, lda, strideA, b.Data, ldb, strideB,
                          T.CreateTruncating(beta), c.Data, ldc, strideC, batch);

        for (int s = 0; s < batch; s++)
        {
            if (strideC == 0 && s < batch - 1) continue; // one C: only the final state is observable
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    BlasOracle.AssertClose(expected[s, i, j], bound[s, i, j], k * (strideC == 0 ? batch : 1),
                                           c.Data[s * strideC + i * ldc + j], $"{context} C{s}[{i},{j}]");
        }
        if (batch == 0)
            Assert.Equal(initialC, c.Data);
        c.AssertPaddingUntouched(context);
        a.AssertUnchanged(context + " (A)");
        b.AssertUnchanged(context + " (B)");
    }

    private static int Footprint(int rows, int cols, int ld) => rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;

    private static List<string> Names() => BlasTestProviders.Names();

    private static T[] Values(params double[] values) => values.Select(T.CreateTruncating).ToArray();
}

public sealed class BlasGemmTestsFloat : BlasGemmTests<float>;

public sealed class BlasGemmTestsDouble : BlasGemmTests<double>;
