namespace BigDL.Native;

/// <summary>The known BLAS providers of this process, each loaded at most once, on first need.</summary>
internal static class BlasProviders
{
    /// <summary>Provider names, as <c>BIGDL_BLAS</c> spells them.</summary>
    public const string MklName = "mkl", OpenBlasName = "openblas", ManagedName = "managed";

    /// <summary>Intel MKL (<c>libmkl_rt</c>).</summary>
    public static BlasCandidate MklCandidate { get; } = new(MklName, ProbeMkl);

    /// <summary>OpenBLAS (<c>libopenblas.so.0</c>).</summary>
    public static BlasCandidate OpenBlasCandidate { get; } = new(OpenBlasName, ProbeOpenBlas);

    /// <summary>The managed provider: always present.</summary>
    public static BlasCandidate ManagedCandidate { get; } = new(ManagedName, ProbeManaged);

    /// <summary>The candidate called <paramref name="name"/> (one of the constants above).</summary>
    public static BlasCandidate Get(string name) => name switch
    {
        MklName => MklCandidate,
        OpenBlasName => OpenBlasCandidate,
        ManagedName => ManagedCandidate,
        _ => throw new ArgumentException($"unknown BLAS provider '{name}'; known: {MklName}, {OpenBlasName}, {ManagedName}", nameof(name)),
    };

    /// <summary>Creates the managed provider (packed SIMD GEMM in C#).</summary>
    internal static IBlas CreateManaged() => new ManagedBlas();

    private static BlasProviderInfo ProbeMkl()
    {
        var load = NativeLibraryLoader.Load("Intel MKL", NativeMethods.MklCandidates, exports => new NativeMethods.MklApi(exports));
        return load.Api is null
            ? BlasProviderInfo.Absent(MklName, load.Failure + Environment.NewLine + "(Debian: package libmkl-rt, from the non-free component)", load.Attempts)
            : BlasProviderInfo.Present(MklName, new MklBlas(load.Api, load.Path!), load.Path, load.Attempts);
    }

    private static BlasProviderInfo ProbeOpenBlas()
    {
        var load = NativeLibraryLoader.Load("OpenBLAS", NativeMethods.OpenBlasCandidates, exports => new NativeMethods.OpenBlasApi(exports));
        return load.Api is null
            ? BlasProviderInfo.Absent(OpenBlasName, load.Failure + Environment.NewLine + "(Debian: package libopenblas0-pthread)", load.Attempts)
            : BlasProviderInfo.Present(OpenBlasName, new OpenBlas(load.Api, load.Path!), load.Path, load.Attempts);
    }

    private static BlasProviderInfo ProbeManaged() => BlasProviderInfo.Present(ManagedName, CreateManaged(), null, []);
}
