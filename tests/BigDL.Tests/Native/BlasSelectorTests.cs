using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>
/// Provider selection as a pure function of the <c>BIGDL_BLAS</c> value and the candidates, with fake candidates:
/// no process environment variable is touched.
/// </summary>
public class BlasSelectorTests
{
    private static BlasCandidate PresentCandidate(string name) =>
        new(name, () => BlasProviderInfo.Present(name, new ReferenceBlas(), $"lib{name}.so", [$"lib{name}.so: loaded"]));

    private static BlasCandidate AbsentCandidate(string name) => new(name, () =>
    {
        string[] attempts = [$"lib{name}.so: lib{name}.so: cannot open shared object file", $"/usr/lib/x86_64-linux-gnu/lib{name}.so: no such file"];
        return BlasProviderInfo.Absent(name, $"{name} could not be loaded. Tried:\n  " + string.Join("\n  ", attempts), attempts);
    });

    [Fact]
    public void Select_Unset_ChoosesFirstPresentInOrderAndSaysWhy()
    {
        BlasCandidate first = AbsentCandidate("openblas"), second = PresentCandidate("mkl"), third = PresentCandidate("managed");

        BlasSelection selection = BlasSelector.Select(null, [first, second, third]);

        Assert.Equal("mkl", selection.Info.Name);
        Assert.Contains("BIGDL_BLAS is not set", selection.Reason);
        Assert.Contains("openblas, mkl, managed", selection.Reason);
        Assert.Contains("openblas not present", selection.Reason);
        Assert.False(third.IsProbed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Select_BlankValue_BehavesAsUnset(string value)
    {
        BlasSelection selection = BlasSelector.Select(value, [PresentCandidate("openblas"), PresentCandidate("managed")]);

        Assert.Equal("openblas", selection.Info.Name);
        Assert.Contains("not set", selection.Reason);
    }

    [Theory]
    [InlineData("mkl")]
    [InlineData("MKL")]
    [InlineData(" Mkl ")]
    public void Select_NamedProviderInAnyCase_ChoosesItAndProbesNothingElse(string value)
    {
        BlasCandidate openBlas = PresentCandidate("openblas"), mkl = PresentCandidate("mkl"), managed = PresentCandidate("managed");

        BlasSelection selection = BlasSelector.Select(value, [openBlas, mkl, managed]);

        Assert.Equal("mkl", selection.Info.Name);
        Assert.Same(mkl.Probe().Provider, selection.Provider);
        Assert.Equal($"BIGDL_BLAS={value}", selection.Reason);
        Assert.False(openBlas.IsProbed);
        Assert.False(managed.IsProbed);
    }

    [Fact]
    public void Select_NamedProviderAbsent_ThrowsListingVariableAndEveryPathTried()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            BlasSelector.Select("mkl", [PresentCandidate("openblas"), AbsentCandidate("mkl"), PresentCandidate("managed")]));

        Assert.Contains("BIGDL_BLAS=mkl", e.Message);
        Assert.Contains("libmkl.so: libmkl.so: cannot open shared object file", e.Message);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libmkl.so: no such file", e.Message);
        Assert.Contains("unset BIGDL_BLAS", e.Message);
    }

    [Fact]
    public void Select_UnknownName_ThrowsListingKnownProviders()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            BlasSelector.Select("atlas", [PresentCandidate("openblas"), PresentCandidate("mkl"), PresentCandidate("managed")]));

        Assert.Contains("BIGDL_BLAS=atlas", e.Message);
        Assert.Contains("openblas, mkl, managed", e.Message);
    }

    [Fact]
    public void Select_NothingPresent_ThrowsWithEachProvidersFailure()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BlasSelector.Select(null, [AbsentCandidate("openblas"), AbsentCandidate("mkl")]));

        Assert.Contains("No BLAS provider", e.Message);
        Assert.Contains("libopenblas.so: cannot open", e.Message);
        Assert.Contains("libmkl.so: cannot open", e.Message);
    }

    [Fact]
    public void DefaultOrder_ManagedFirstThenMklThenOpenBlas_SoSelectionAlwaysSucceeds()
    {
        // The managed provider is always present, so an unset BIGDL_BLAS never fails; the order is README's decision.
        Assert.Equal(["managed", "mkl", "openblas"], Blas.DefaultOrder);
    }

    [Fact]
    public void Providers_ListedInDefaultOrder_EachPresentWithDescriptionOrAbsentWithAttempts()
    {
        IReadOnlyList<BlasProviderInfo> providers = Blas.Providers;

        Assert.Equal(Blas.DefaultOrder, providers.Select(p => p.Name));
        foreach (BlasProviderInfo info in providers)
        {
            if (info.IsPresent)
            {
                Assert.False(string.IsNullOrWhiteSpace(info.Description), info.Name);
                Assert.Null(info.LoadFailure);
            }
            else
            {
                Assert.NotEmpty(info.LoadAttempts);
                Assert.Contains(info.LoadAttempts[0].Split(':')[0], info.LoadFailure);
            }
        }
        Assert.True(providers.Single(p => p.Name == "managed").IsPresent);
    }
}
