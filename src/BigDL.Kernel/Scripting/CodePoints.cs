using System.Text;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units. A character outside the
/// Basic Multilingual Plane (an emoji in a string literal) is one code point and two units.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> (clamped to the text).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        int index = 0;
        for (int seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    /// <summary>How many code points the first <paramref name="utf16Index"/> units of <paramref name="text"/> hold.</summary>
    public static int FromUtf16(string text, int utf16Index)
    {
        int count = 0;
        foreach (var _ in text.AsSpan(0, Math.Clamp(utf16Index, 0, text.Length)).EnumerateRunes()) count++;
        return count;
    }
}
