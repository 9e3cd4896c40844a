using System.Text;
using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Stands in for <c>Console.Out</c> / <c>Console.Error</c> once a session runs cells: text goes to the stream output of
/// the cell whose code (or a task it started) writes it; from threads that did not come from a cell (thread pools that
/// existed before), to the cell that started last in this process; before any cell, to the process's original stream.
/// Installed once per process, whatever the number of sessions.
/// </summary>
internal sealed class CellConsoleWriter : TextWriter
{
    private static readonly Lock InstallGate = new();
    private static readonly AsyncLocal<CurrentCell?> Flowing = new();
    private static volatile CurrentCell? target;
    private static bool installed;

    private readonly OutputStream stream;
    private readonly TextWriter original;

    private CellConsoleWriter(OutputStream stream, TextWriter original)
    {
        this.stream = stream;
        this.original = original;
    }

    /// <summary>The cell the console goes to from the calling thread.</summary>
    public static CurrentCell? Current => Flowing.Value ?? target;

    /// <summary>Sends the console to <paramref name="cell"/>: from the calling execution context (and the threads and tasks
    /// it starts) and, from other threads, until another cell starts.</summary>
    public static void RouteTo(CurrentCell cell)
    {
        lock (InstallGate)
        {
            if (!installed)
            {
                Console.SetOut(new CellConsoleWriter(OutputStream.Stdout, Console.Out));
                Console.SetError(new CellConsoleWriter(OutputStream.Stderr, Console.Error));
                installed = true;
            }
            target = cell;
        }
        Flowing.Value = cell;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (Current?.Output is { } output) output.Write(stream, value);
        else original.Write(value);
    }

    public override void WriteLine(string? value) => Write(value + NewLine);
}
