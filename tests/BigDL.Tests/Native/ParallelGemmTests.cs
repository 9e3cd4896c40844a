using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// GEMMs large enough for <see cref="Blas"/> to split them over the Engine's cores (by columns when C is wide, by
/// rows when it is tall, a batched GEMM by its batch) give the oracle's values, with padded leading dimensions whose
/// padding must stay untouched, and stay on the calling thread inside an Engine worker.
/// </summary>
[Collection(ProcessWideSettings.Name)]
public class ParallelGemmTests
{
    public static TheoryData<int, int, int, bool, bool> Shapes => new()
    {
        { 40, 700, 96, false, false },  // wide: column blocks
        { 40, 700, 96, true, true },
        { 700, 40, 96, false, true },   // tall: row blocks
        { 700, 40, 96, true, false },
        { 130, 129, 130, false, false }, // blocks that are not whole units
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gemm_SplitOverTwoCores_MatchesOracleAndKeepsPadding(int m, int n, int k, bool transA, bool transB)
    {
        EngineCores.With(2, () =>
        {
            Assert.True(ParallelGemm.Splits(m, n, k));
            var random = new RandomGenerator(5);
            int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 5;
            var a = PaddedBuffer<float>.Matrix(transA ? k : m, transA ? m : k, lda, random);
            var b = PaddedBuffer<float>.Matrix(transB ? n : k, transB ? k : n, ldb, random);
            var c = PaddedBuffer<float>.Matrix(m, n, ldc, random);
            var expected = new double[m, n];
            var bound = new double[m, n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) expected[i, j] = c.InitialAt(i * ldc + j);
            BlasOracle.Gemm(transA, transB, m, n, k, 0.5, a.Data, 0, lda, b.Data, 0, ldb, 2.0, expected, bound);

            Blas.Gemm(transA, transB, m, n, k, 0.5f, a.Data, lda, b.Data, ldb, 2f, c.Data, ldc);

            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) BlasOracle.AssertClose(expected[i, j], bound[i, j], k, c.Data[i * ldc + j], $"C[{i},{j}]");
            c.AssertPaddingUntouched("C");
            a.AssertUnchanged("A");
            b.AssertUnchanged("B");
        });
    }

    [Fact]
    public void GemmBatched_SplitOverTwoCores_MatchesOneGemmPerMatrix()
    {
        EngineCores.With(2, () =>
        {
            const int M = 64, N = 64, K = 64, Batch = 9;
            var random = new RandomGenerator(6);
            var a = PaddedBuffer<float>.Flat(Batch * M * K, random).Data;
            var b = PaddedBuffer<float>.Flat(Batch * K * N, random).Data;
            var c = new float[Batch * M * N];
            var expected = new float[Batch * M * N];
            Blas.GemmBatched(false, false, M, N, K, 1f, a, K, M * K, b, N, K * N, 0f, c, N, M * N, Batch);
            for (int i = 0; i < Batch; i++)
                Blas.GemmOnThisThread(false, false, M, N, K, 1f, a.AsSpan(i * M * K), K, b.AsSpan(i * K * N), N, 0f, expected.AsSpan(i * M * N), N);
            Assert.Equal(expected, c);
        });
    }

    [Fact]
    public void Splits_InsideAnEngineWorker_IsFalse()
    {
        EngineCores.With(2, () =>
        {
            var insideWorker = new bool[2];
            Engine.For(2, w => insideWorker[w] = ParallelGemm.Splits(512, 512, 512));
            Assert.Equal([false, false], insideWorker);
            Assert.True(ParallelGemm.Splits(512, 512, 512));
        });
    }
}
