using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// What the managed provider reports about itself. Its level 1/2 results are checked with every other provider
/// in <see cref="BlasVectorTests{T}"/>, its errors in BlasArgumentErrorTests, its GEMM in <see cref="ManagedBlasTests{T}"/>.
/// </summary>
public class ManagedBlasProviderTests
{
    [Fact]
    public void Provider_NameThreadsAndDescription_AreAsDocumented()
    {
        var blas = new ManagedBlas();
        Assert.Equal("managed", blas.Name);
        Assert.Equal(Engine.CoreNumber, blas.Threads);
        // The widest accelerated kernel is chosen: Vector512 on AVX-512 machines, Vector256 elsewhere.
        Assert.Contains(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "Vector512" : "Vector256", blas.Description);
        blas.Threads = 3;
        Assert.Equal(3, blas.Threads);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => blas.Threads = 0);
        Assert.Contains("at least 1", error.Message);
        Assert.Equal(3, blas.Threads);
    }

    [Fact]
    public void Factory_ManagedCandidate_IsTheSimdProvider()
        => Assert.IsType<ManagedBlas>(BlasProviders.CreateManaged());
}
