using NuGet.Versioning;

namespace BigDL.Kernel.Packages;

/// <summary>
/// What a <c>#r "nuget:Id, version"</c> asks for: nothing (the highest stable version), an exact version, a floating
/// range (<c>1.*</c>, <c>*-*</c>: the highest match) or an interval (<c>[1.0, 2.0)</c>: the lowest match, as NuGet picks).
/// </summary>
internal sealed class VersionSpec
{
    private readonly VersionRange? _range;

    private VersionSpec(string? text, VersionRange? range)
    {
        Text = text;
        _range = range;
    }

    /// <summary>The highest stable version.</summary>
    public static VersionSpec Latest { get; } = new(null, null);

    /// <summary>The version as written, or null for <see cref="Latest"/>.</summary>
    public string? Text { get; }

    /// <summary>Parses the part after the comma; null when it is not a version, a floating range or an interval.</summary>
    public static VersionSpec? TryParse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains('*', StringComparison.Ordinal))
        {
            return VersionRange.TryParse(text, allowFloating: true, out var floating) && floating.IsFloating
                ? new VersionSpec(text, floating)
                : null;
        }

        if (text[0] is '[' or '(')
        {
            return VersionRange.TryParse(text, allowFloating: false, out var interval) ? new VersionSpec(text, interval) : null;
        }

        return NuGetVersion.TryParse(text, out var exact) ? new VersionSpec(text, new VersionRange(exact, true, exact, true)) : null;
    }

    /// <summary>The version to take among <paramref name="available"/>, or null when none fits.</summary>
    public NuGetVersion? Select(IEnumerable<NuGetVersion> available)
    {
        if (_range is null)
        {
            return available.Where(v => !v.IsPrerelease).DefaultIfEmpty().Max();
        }

        return _range.IsFloating ? _range.FindBestMatch(available) : available.Where(_range.Satisfies).DefaultIfEmpty().Min();
    }

    /// <summary>Whether a version already loaded in the session answers this request.</summary>
    public bool AcceptsLoaded(NuGetVersion loaded) =>
        _range is null || (_range.IsFloating ? _range.Float.Satisfies(loaded) : _range.Satisfies(loaded));

    /// <inheritdoc/>
    public override string ToString() => Text ?? "the highest stable version";
}
