using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// The names every cell sees besides its own: <c>display</c>, <c>ClearOutput</c> and the interrupt token, named as in
/// .NET Interactive so notebooks port; and what a package's extension script uses to plug into this kernel
/// (<see cref="RegisterMagic"/>).
/// </summary>
public sealed class NotebookGlobals
{
    private readonly CurrentCell cell;
    private readonly MagicCommands magics;

    internal NotebookGlobals(CurrentCell cell, MagicCommands magics)
    {
        this.cell = cell;
        this.magics = magics;
    }

    /// <summary>Shows <paramref name="value"/> now, formatted with <paramref name="mimeTypes"/> (default: as its type
    /// prefers), and returns a handle whose <c>Update</c> replaces it in place.</summary>
#pragma warning disable IDE1006 // the lower-case name is the one notebooks use
    public DisplayHandle display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var output = Output();
        var handle = new DisplayHandle(output, Guid.NewGuid().ToString("N"), mimeTypes.Length > 0 ? mimeTypes : null);
        output.Display(MimeBundles.Of(value, handle.MimeTypes), handle.DisplayId);
        return handle;
    }

    /// <summary>Clears the cell's output; with <paramref name="wait"/>, only when the next output arrives (no flicker).</summary>
    public void ClearOutput(bool wait = false) => Output().ClearOutput(wait);

    /// <summary>Cancelled when the user interrupts the running cell (Jupyter's interrupt); long work should observe it.</summary>
    public CancellationToken CellCancellation => cell.Cancellation;

    /// <summary>
    /// Makes <c>#!<paramref name="name"/> arguments…</c> lines run <paramref name="handler"/> with the text after the name;
    /// a non-null result is displayed. Registering a name again replaces the handler (an extension loaded twice).
    /// </summary>
    public void RegisterMagic(string name, Func<string, object?> handler) => magics.Register(name, handler);

    private ICellOutput Output() =>
        cell.Output ?? throw new InvalidOperationException("display needs a running cell; none has run in this session yet");
}
