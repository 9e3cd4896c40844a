using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>The two native providers on this machine: presence, what they report, and their thread control.</summary>
[Collection(ProcessWideSettings.Name)]
public class NativeProvidersTests
{
    private static CblasProvider Native(string name)
    {
        BlasProviderInfo info = BlasProviders.Get(name).Probe();
        Assert.True(info.IsPresent, $"{name}: {info.LoadFailure}");
        return Assert.IsAssignableFrom<CblasProvider>(info.Provider);
    }

    // The README promises both, and the set-up script installs libmkl-rt and libopenblas0-pthread: a machine where
    // this fails is not set up as documented (the other native tests then run only the providers present).
    [Fact]
    public void NativeProviders_InstalledBySetup_AreBothPresent()
    {
        foreach (string name in new[] { "mkl", "openblas" })
        {
            BlasProviderInfo info = Blas.Providers.Single(p => p.Name == name);
            Assert.True(info.IsPresent, $"{name} is not present: {info.LoadFailure}");
            Assert.NotNull(info.LibraryPath);
            Assert.EndsWith(": loaded", info.LoadAttempts[^1]);
        }
    }

    [Fact]
    public void OpenBlas_Description_ReportsConfigAndCoreName()
    {
        CblasProvider openBlas = Native("openblas");
        Assert.IsType<OpenBlas>(openBlas);
        Assert.StartsWith("OpenBLAS ", openBlas.Description);
        Assert.Matches(@"; core: \S+", openBlas.Description);
    }

    [Fact]
    public void Mkl_Description_ReportsVersionAndHasStridedBatch()
    {
        var mkl = Assert.IsType<MklBlas>(Native("mkl"));
        Assert.Contains("Math Kernel Library", mkl.Description);
        Assert.Matches(@"Version \d{4}", mkl.Description);
        Assert.True(mkl.HasBatchStrided, "MKL 2020.4 exports cblas_?gemm_batch_strided");
    }

    [Theory]
    [InlineData("mkl")]
    [InlineData("openblas")]
    public void Threads_SetThenRead_RoundTripsThroughTheLibrary(string name)
    {
        CblasProvider provider = Native(name);
        int original = provider.Threads;
        try
        {
            provider.Threads = 1;
            Assert.Equal(1, provider.Threads);
            provider.Threads = 2;
            Assert.Equal(2, provider.Threads);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => provider.Threads = 0);
            Assert.Equal("value", e.ParamName);
        }
        finally
        {
            provider.Threads = original;
        }
    }

    [Fact]
    public void Current_AnyEngineCoreNumber_ProviderRunsOnTheCallingThread()
    {
        IBlas current = Blas.Current;
        int original = Engine.CoreNumber;
        try
        {
            Engine.SetCoreNumber(2);
            Assert.Equal(1, current.Threads);
            Engine.SetCoreNumber(1);
            Assert.Equal(1, current.Threads);
        }
        finally
        {
            Engine.SetCoreNumber(original);
        }
    }

    [Fact]
    public void Current_FirstAccess_IsWhatTheSelectorPicksForThisEnvironment()
    {
        BlasSelection expected = BlasSelector.Select(Environment.GetEnvironmentVariable(Blas.EnvironmentVariable), Blas.Candidates());

        Assert.Same(expected.Provider, Blas.Current);
        Assert.Equal(expected.Reason, Blas.SelectionReason);
    }
}
