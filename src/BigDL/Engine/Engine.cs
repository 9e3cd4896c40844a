namespace BigDL;

/// <summary>
/// Process-wide compute configuration: how many cores element-wise kernels and BLAS may use.
/// </summary>
/// <remarks>
/// BigDL's <c>Engine</c>. The core number defaults to <see cref="Environment.ProcessorCount"/>; BLAS providers
/// follow it. Lives in namespace <c>BigDL</c> as BigDL's does.
/// </remarks>
public static class Engine
{
    private static int _coreNumber = Environment.ProcessorCount;
    private static ParallelOptions _parallelOptions = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Raised after the core number changes, with the new value (the BLAS seam listens).</summary>
    internal static event Action<int>? CoreNumberChanged;

    /// <summary>Number of cores this process computes with.</summary>
    public static int CoreNumber => _coreNumber;

    /// <summary>Options that bound <see cref="Parallel"/> loops to <see cref="CoreNumber"/> threads.</summary>
    internal static ParallelOptions ParallelOptions => _parallelOptions;

    /// <summary>Sets the number of cores for element-wise kernels and BLAS.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coreNumber"/> is below 1.</exception>
    public static void SetCoreNumber(int coreNumber)
    {
        if (coreNumber < 1)
            throw new ArgumentOutOfRangeException(nameof(coreNumber), coreNumber, "coreNumber must be at least 1");
        _coreNumber = coreNumber;
        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = coreNumber };
        CoreNumberChanged?.Invoke(coreNumber);
    }
}
