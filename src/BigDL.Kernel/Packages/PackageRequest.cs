using NuGet.Packaging;

namespace BigDL.Kernel.Packages;

/// <summary>
/// One package a cell asks for with <c>#r "nuget:Id"</c> or <c>#r "nuget:Id, version"</c>: no version means the highest
/// stable one; a version (<c>1.2.3</c>, <c>2.0.0-beta1</c>) means exactly that one; a floating range (<c>1.*</c>,
/// <c>*-*</c> for the highest including prereleases) takes the highest match; an interval (<c>[1.0, 2.0)</c>) the lowest.
/// </summary>
public sealed class PackageRequest
{
    /// <summary>A request for <paramref name="id"/> at <paramref name="version"/> (null: the highest stable version).</summary>
    /// <exception cref="ArgumentException">The id is not a valid package id, or the version is not one of the forms above.</exception>
    public PackageRequest(string id, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Directive = version is null ? $"#r \"nuget:{id}\"" : $"#r \"nuget:{id}, {version}\"";
        Id = IdError(id) is { } idError ? throw new ArgumentException($"Package request '{Directive}': {idError}.", nameof(id)) : id;
        Spec = ParseVersion(version) ?? throw new ArgumentException($"Package request '{Directive}': {VersionError(version!)}.", nameof(version));
    }

    private PackageRequest(string id, VersionSpec spec, string directive)
    {
        Id = id;
        Spec = spec;
        Directive = directive;
    }

    /// <summary>The package id as written.</summary>
    public string Id { get; }

    /// <summary>The version as written, or null for the highest stable version.</summary>
    public string? Version => Spec.Text;

    /// <summary>The directive text this request came from (or an equivalent one), for messages.</summary>
    public string Directive { get; }

    internal VersionSpec Spec { get; }

    /// <inheritdoc/>
    public override string ToString() => Directive;

    /// <summary>The request <paramref name="directive"/> names, or null with <paramref name="error"/> saying what is wrong.</summary>
    internal static PackageRequest? TryCreate(string id, string? version, string directive, out string? error)
    {
        error = IdError(id);
        if (error is not null)
        {
            return null;
        }

        var spec = ParseVersion(version);
        error = spec is null ? VersionError(version!) : null;
        return spec is null ? null : new PackageRequest(id, spec, directive);
    }

    private static string? IdError(string id)
    {
        if (id.Length == 0)
        {
            return "the package id is empty";
        }

        return PackageIdValidator.IsValidPackageId(id) ? null : $"'{id}' is not a valid package id (letters, digits, '.', '-', '_')";
    }

    private static VersionSpec? ParseVersion(string? version) => version is null ? VersionSpec.Latest : VersionSpec.TryParse(version);

    private static string VersionError(string version) =>
        $"the version '{version}' is not a version (1.2.3), a floating range (1.*, *-*) or an interval ([1.0, 2.0))";
}
