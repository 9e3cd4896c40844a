using NuGet.Configuration;

namespace BigDL.Kernel.Packages;

/// <summary>
/// The package sources a resolution uses, in order and without repeats: the <c>#i</c> sources of the session, then those
/// of the <c>BIGDL_NUGET_SOURCES</c> variable (separated by the OS path separator), then the enabled sources of the
/// NuGet configuration (which honours <c>&lt;clear/&gt;</c>). Local folders are made absolute.
/// </summary>
internal static class PackageSourceList
{
    /// <summary>The environment variable with extra package sources.</summary>
    public const string EnvironmentVariable = "BIGDL_NUGET_SOURCES";

    /// <summary>The combined list; <paramref name="environmentSources"/> is the variable's value (null when unset).</summary>
    public static IReadOnlyList<PackageSource> Combine(IEnumerable<string> sessionSources, string? environmentSources, ISettings settings)
    {
        var fromEnvironment = (environmentSources ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var configured = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return sessionSources.Concat(fromEnvironment).Select(s => new PackageSource(Normalize(s)))
            .Concat(configured.Select(s => new PackageSource(Normalize(s.Source), s.Name) { Credentials = s.Credentials }))
            .Where(s => seen.Add(s.Source.TrimEnd('/', Path.DirectorySeparatorChar)))
            .ToList();
    }

    /// <summary>A feed URL as written; a local folder (or <c>file:</c> URL) as an absolute path.</summary>
    public static string Normalize(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return source;
        }

        return Path.GetFullPath(uri is { IsFile: true } ? uri.LocalPath : source);
    }
}
