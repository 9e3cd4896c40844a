using System.Text;

namespace BigDL.Kernel.Server;

/// <summary>The cursor of <c>complete_request</c> and <c>inspect_request</c>: Unicode code points into the code.</summary>
internal static class CursorPosition
{
    /// <summary>The cursor checked against the code's length in code points; the end of the code when absent.</summary>
    public static int Resolve(string code, int? cursorPos)
    {
        ArgumentNullException.ThrowIfNull(code);
        int length = 0;
        foreach (Rune _ in code.EnumerateRunes())
            length++;
        int cursor = cursorPos ?? length;
        if (cursor < 0 || cursor > length)
            throw new ArgumentOutOfRangeException("cursor_pos", cursor,
                $"cursor_pos counts code points and must be in [0, {length}] for this code, got {cursor}.");
        return cursor;
    }
}
