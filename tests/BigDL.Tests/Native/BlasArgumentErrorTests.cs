using System.Numerics;
using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// Bad dimensions, leading dimensions, increments and short buffers are refused by every provider, native ones
/// included, with an exception naming the argument and showing the numbers, before anything is computed.
/// </summary>
public abstract class BlasArgumentErrorTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static TheoryData<string> Providers => BlasTestProviders.Present();

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemm_LdaBelowColumnCount_ThrowsNamingLdaAndNumbers(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var c = new T[6];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            blas.GemmT(false, false, 2, 3, 4, T.One, new T[8], 3, new T[12], 3, T.Zero, c, 3));
        Assert.Equal("lda", e.ParamName);
        Assert.Contains("2x4", e.Message);
        Assert.Contains("got 3", e.Message);
        Assert.All(c, v => Assert.Equal(T.Zero, v));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemm_TransposedBWithShortLdb_ThrowsNamingLdb(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        // op(B) = Bᵀ is k×n = 4×3, so B is stored 3×4 and needs ldb ≥ 4.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            blas.GemmT(false, true, 2, 3, 4, T.One, new T[8], 4, new T[12], 3, T.Zero, new T[6], 3));
        Assert.Equal("ldb", e.ParamName);
        Assert.Contains("3x4", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemm_OutputBufferTooShort_ThrowsNamingCWithNeededAndActualLength(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var e = Assert.Throws<ArgumentException>(() =>
            blas.GemmT(false, false, 2, 3, 4, T.One, new T[8], 4, new T[12], 3, T.Zero, new T[5], 3));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("at least 6", e.Message);
        Assert.Contains("got 5", e.Message);
        Assert.Contains("2x3", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemm_NegativeM_ThrowsNamingM(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            blas.GemmT(false, false, -1, 3, 4, T.One, new T[8], 4, new T[12], 3, T.Zero, new T[6], 3));
        Assert.Equal("m", e.ParamName);
        Assert.Contains("-1", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void GemmBatched_LastMatrixPastEnd_ThrowsNamingTheBuffer(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        // Three 2×2 matrices 4 apart need 12 elements of A; 10 are given.
        var e = Assert.Throws<ArgumentException>(() =>
            blas.GemmBatchedT(false, false, 2, 2, 2, T.One, new T[10], 2, 4, new T[12], 2, 4, T.Zero, new T[12], 2, 4, 3));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("got 2", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gemv_StridedXTooShort_ThrowsNamingXAndIncrement(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        // n = 3 elements every 2 need 5; 4 are given.
        var e = Assert.Throws<ArgumentException>(() =>
            blas.GemvT(false, 2, 3, T.One, new T[6], 3, new T[4], 2, T.Zero, new T[2], 1));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("incx = 2", e.Message);
        Assert.Contains("at least 5", e.Message);
        Assert.Contains("got 4", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Dot_ZeroIncrement_ThrowsNamingIncx(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => blas.DotT<T>(3, new T[3], 0, new T[3], 1));
        Assert.Equal("incx", e.ParamName);
        Assert.Contains("got 0", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Ger_ShortA_ThrowsNamingAAndLeavesItUnchanged(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        T[] a = [T.One, T.One, T.One, T.One, T.One];
        var e = Assert.Throws<ArgumentException>(() => blas.GerT(2, 3, T.One, new T[2], 1, new T[3], 1, a, 3));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("at least 6", e.Message);
        Assert.All(a, v => Assert.Equal(T.One, v));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Axpy_YTooShort_ThrowsNamingY(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var e = Assert.Throws<ArgumentException>(() => blas.AxpyT(4, T.One, new T[4], 1, new T[3], 1));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("got 3", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Scal_NegativeIncrement_ThrowsNamingIncx(string provider)
    {
        IBlas blas = BlasTestProviders.Get(provider);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => blas.ScalT(2, T.One, new T[4], -1));
        Assert.Equal("incx", e.ParamName);
    }
}

public sealed class BlasArgumentErrorTestsFloat : BlasArgumentErrorTests<float>;

public sealed class BlasArgumentErrorTestsDouble : BlasArgumentErrorTests<double>;
