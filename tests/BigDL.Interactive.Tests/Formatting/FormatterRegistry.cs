namespace BigDL.Interactive.Tests.Formatting;

/// <summary>
/// The formatter registry is process-wide: the formatting test classes share this collection, so they run one after
/// another (still in parallel with other collections, which register formatters for other types).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FormatterRegistry
{
    public const string Name = "Formatter registry";
}
