using BigDL.Native;

namespace BigDL.Tests.Native;

public class NativeLibraryLoaderTests
{
    [Fact]
    public void Load_NoCandidateExists_ReportsEveryAttemptWithItsError()
    {
        string[] candidates = ["/nonexistent/bigdl-test/libnothing.so", "libbigdl-test-nothing.so.7"];

        var load = NativeLibraryLoader.Load("Nothing", candidates, exports => new object());

        Assert.Null(load.Api);
        Assert.Null(load.Path);
        Assert.Equal(2, load.Attempts.Count);
        for (int i = 0; i < candidates.Length; i++)
        {
            Assert.StartsWith(candidates[i] + ": ", load.Attempts[i]);
            Assert.True(load.Attempts[i].Length > candidates[i].Length + 2, "each attempt carries the loader's error");
            Assert.Contains(candidates[i], load.Failure);
        }
        Assert.Contains("Nothing could not be loaded", load.Failure);
    }

    [Fact]
    public void Load_OpenBlasBoundAsMkl_IsRejectedNamingTheMissingMklExports()
    {
        var load = NativeLibraryLoader.Load("Intel MKL", NativeMethods.OpenBlasCandidates, exports => new NativeMethods.MklApi(exports));

        Assert.Null(load.Api);
        string first = load.Attempts[0];
        Assert.StartsWith(NativeMethods.OpenBlasCandidates[0] + ": loaded, but lacks the export(s) ", first);
        Assert.Contains("MKL_Set_Num_Threads", first);
        Assert.Contains("MKL_Get_Version_String", first);
        Assert.DoesNotContain("cblas_sgemm", first); // OpenBLAS has the CBLAS part
    }

    [Fact]
    public void Load_FirstWorkingCandidateWins_AfterRecordingEarlierFailures()
    {
        string[] candidates = ["/nonexistent/bigdl-test/libopenblas.so.0", .. NativeMethods.OpenBlasCandidates];

        var load = NativeLibraryLoader.Load("OpenBLAS", candidates, exports => new NativeMethods.OpenBlasApi(exports));

        Assert.NotNull(load.Api);
        Assert.Equal(NativeMethods.OpenBlasCandidates[0], load.Path);
        Assert.Equal(2, load.Attempts.Count);
        Assert.StartsWith("/nonexistent/bigdl-test/libopenblas.so.0: ", load.Attempts[0]);
        Assert.Equal($"{NativeMethods.OpenBlasCandidates[0]}: loaded", load.Attempts[1]);
    }
}
