namespace BigDL.Native;

/// <summary>
/// A BLAS provider that may be present: its name and a probe run at most once, only when someone asks
/// (so choosing <c>managed</c> never loads MKL).
/// </summary>
internal sealed class BlasCandidate(string name, Func<BlasProviderInfo> probe)
{
    private readonly Lazy<BlasProviderInfo> _info = new(probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Provider name as <c>BIGDL_BLAS</c> spells it.</summary>
    public string Name { get; } = name;

    /// <summary>Whether the probe has run.</summary>
    public bool IsProbed => _info.IsValueCreated;

    /// <summary>Loads the provider on first call; afterwards returns the same answer.</summary>
    public BlasProviderInfo Probe() => _info.Value;
}
