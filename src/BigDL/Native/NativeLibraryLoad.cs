namespace BigDL.Native;

/// <summary>
/// The outcome of <see cref="NativeLibraryLoader.Load{TApi}"/>: the bound API when a candidate worked, and
/// every attempt in order, so a failure can say exactly which names and paths were tried and why each failed.
/// </summary>
internal sealed class NativeLibraryLoad<TApi> where TApi : class
{
    internal NativeLibraryLoad(string library, TApi? api, string? path, IReadOnlyList<string> attempts)
    {
        Library = library;
        Api = api;
        Path = path;
        Attempts = attempts;
    }

    /// <summary>Human name of the library, e.g. "Intel MKL".</summary>
    public string Library { get; }

    /// <summary>The bound functions, or null when no candidate could be used.</summary>
    public TApi? Api { get; }

    /// <summary>The candidate name or path that was loaded, or null.</summary>
    public string? Path { get; }

    /// <summary>One line per attempt: "candidate: loaded" or "candidate: why it failed".</summary>
    public IReadOnlyList<string> Attempts { get; }

    /// <summary>A multi-line explanation listing every attempt (meaningful when <see cref="Api"/> is null).</summary>
    public string Failure => $"{Library} could not be loaded. Tried:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Attempts);
}
