using System.Runtime.InteropServices;

namespace BigDL.Native;

/// <summary>
/// Looks up the exports of one loaded native library, collecting every missing required symbol so a
/// library that loads but is not the expected one is reported with all it lacks, not just the first.
/// </summary>
internal sealed class NativeExports(nint handle)
{
    private List<string>? _missing;

    /// <summary>The address of <paramref name="name"/>, or zero (recorded as missing) when absent.</summary>
    public nint Required(string name)
    {
        if (NativeLibrary.TryGetExport(handle, name, out nint address)) return address;
        (_missing ??= []).Add(name);
        return 0;
    }

    /// <summary>The address of <paramref name="name"/>, or zero when absent (not an error).</summary>
    public nint Optional(string name) => NativeLibrary.TryGetExport(handle, name, out nint address) ? address : 0;

    /// <summary>Throws <see cref="EntryPointNotFoundException"/> naming every required export not found.</summary>
    public void ThrowIfMissing()
    {
        if (_missing is not null)
            throw new EntryPointNotFoundException($"lacks the export(s) {string.Join(", ", _missing)}");
    }
}
