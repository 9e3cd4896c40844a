namespace BigDL.Kernel.Packages;

/// <summary>Packages could not be resolved, downloaded or restored; the message names the package, the version asked
/// for and the sources tried, or the source that failed.</summary>
public sealed class PackageResolutionException : Exception
{
    /// <summary>An error with <paramref name="message"/>.</summary>
    public PackageResolutionException(string message)
        : base(message)
    {
    }

    /// <summary>An error with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public PackageResolutionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
