using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Tests;

/// <summary>
/// The MIME bundle a notebook host makes of a displayed value, as our kernel does: the text of each MIME type the
/// registry prefers for the value's type, and always <c>text/plain</c> (the extension cannot reference a host).
/// </summary>
internal static class HostBundles
{
    public static IReadOnlyDictionary<string, string> Format(object value)
    {
        var types = Formatter.GetPreferredMimeTypesFor(value.GetType()).Append("text/plain").Distinct();
        return types.ToDictionary(type => type, type => Formatter.ToDisplayString(value, type));
    }
}
