using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// What <c>display(value)</c> returns in a cell: the shown output, which <see cref="Update"/> replaces in place (Jupyter's
/// <c>update_display_data</c>) — the same shape as .NET Interactive's <c>DisplayedValue</c>, so notebooks port.
/// </summary>
public sealed class DisplayHandle
{
    private readonly ICellOutput output;
    internal DisplayHandle(ICellOutput output, string displayId, IReadOnlyList<string>? mimeTypes)
    {
        this.output = output;
        MimeTypes = mimeTypes;
        DisplayId = displayId;
    }

    /// <summary>The id that ties updates to the output.</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types asked for when the value was displayed; <c>null</c> = as the value's type prefers.</summary>
    internal IReadOnlyList<string>? MimeTypes { get; }

    /// <summary>Replaces the output with <paramref name="value"/>, formatted with the MIME types the display used.</summary>
    public void Update(object? value) => output.UpdateDisplay(MimeBundles.Of(value, MimeTypes), DisplayId);
}
