using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>
/// The formatters registered by anyone (and their types' preferred MIME types) when taken; disposing registers them
/// again, so a test may reset the process-wide registry without taking other tests' formatters away.
/// </summary>
internal sealed class FormatterRegistrySnapshot : IDisposable
{
    private readonly List<ITypeFormatter> _formatters = [.. Formatter.RegisteredFormatters(false)];
    private readonly Dictionary<Type, string[]> _preferred;

    public FormatterRegistrySnapshot()
        => _preferred = _formatters.Select(f => f.Type).Distinct().ToDictionary(t => t, t => Formatter.GetPreferredMimeTypesFor(t).ToArray());

    public void Dispose()
    {
        // Registered last wins, so oldest first.
        for (int i = _formatters.Count - 1; i >= 0; i--) Formatter.Register(_formatters[i]);
        foreach (var (type, mimeTypes) in _preferred) Formatter.SetPreferredMimeTypesFor(type, mimeTypes);
    }
}
