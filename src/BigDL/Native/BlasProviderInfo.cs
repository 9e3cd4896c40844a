namespace BigDL.Native;

/// <summary>
/// What BigDL found for one BLAS provider: whether it can be used, what the library says it is, or why it
/// could not be loaded, with every name and path tried. Listed by <see cref="Blas.Providers"/> (and by <c>bigdl info</c>).
/// </summary>
public sealed class BlasProviderInfo
{
    private BlasProviderInfo(string name, IBlas? provider, string? description, string? libraryPath, string? loadFailure,
                             IReadOnlyList<string> loadAttempts)
    {
        Name = name;
        Provider = provider;
        Description = description;
        LibraryPath = libraryPath;
        LoadFailure = loadFailure;
        LoadAttempts = loadAttempts;
    }

    /// <summary>Provider name as <c>BIGDL_BLAS</c> spells it: <c>mkl</c>, <c>openblas</c> or <c>managed</c>.</summary>
    public string Name { get; }

    /// <summary>True when the provider loaded and can compute.</summary>
    public bool IsPresent => Provider is not null;

    /// <summary>Version and configuration as the library reports it; null when not present.</summary>
    public string? Description { get; }

    /// <summary>The library name or path that was loaded; null for the managed provider or when not present.</summary>
    public string? LibraryPath { get; }

    /// <summary>Why the provider is not present, listing every attempt; null when present.</summary>
    public string? LoadFailure { get; }

    /// <summary>Each name or path tried, in order, with its outcome ("…: loaded" or the loader's error); empty for managed.</summary>
    public IReadOnlyList<string> LoadAttempts { get; }

    /// <summary>The provider itself, when present.</summary>
    internal IBlas? Provider { get; }

    /// <summary>"name: description" or "name: not present (…)".</summary>
    public override string ToString() => IsPresent ? $"{Name}: {Description}" : $"{Name}: not present ({LoadFailure})";

    internal static BlasProviderInfo Present(string name, IBlas provider, string? libraryPath, IReadOnlyList<string> loadAttempts)
        => new(name, provider, provider.Description, libraryPath, null, loadAttempts);

    internal static BlasProviderInfo Absent(string name, string loadFailure, IReadOnlyList<string> loadAttempts)
        => new(name, null, null, null, loadFailure, loadAttempts);
}
