using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A formatter for one type (closed, or an open generic definition such as <c>Tensor&lt;&gt;</c>) and one MIME type
/// that writes through a delegate. Our own class rather than the registry's anonymous one, so
/// <see cref="BigDLFormatters"/> can tell whether its formatters are still registered.
/// </summary>
internal sealed class DelegateFormatter : ITypeFormatter
{
    private readonly Action<object, TextWriter> _write;

    private DelegateFormatter(Type type, string mimeType, Action<object, TextWriter> write)
    {
        Type = type;
        MimeType = mimeType;
        _write = write;
    }

    /// <inheritdoc/>
    public Type Type { get; }

    /// <inheritdoc/>
    public string MimeType { get; }

    /// <summary>A <c>text/html</c> formatter for <paramref name="type"/>.</summary>
    public static DelegateFormatter Html(Type type, Action<object, TextWriter> write) => new(type, HtmlFormatter.MimeType, write);

    /// <summary>A <c>text/plain</c> formatter for <paramref name="type"/>.</summary>
    public static DelegateFormatter PlainText(Type type, Action<object, TextWriter> write) => new(type, PlainTextFormatter.MimeType, write);

    /// <inheritdoc/>
    public bool Format(object instance, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(context);
        _write(instance, context.Writer);
        return true;
    }
}
