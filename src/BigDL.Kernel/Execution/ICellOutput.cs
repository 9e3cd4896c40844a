namespace BigDL.Kernel.Execution;

/// <summary>
/// Where a running cell sends what the front end shows. Implementations are thread-safe: a cell's background work
/// (training progress, worker threads writing to the console) may call them from any thread while the cell runs.
/// </summary>
public interface ICellOutput
{
    /// <summary>Appends text to standard output or error (a Jupyter <c>stream</c> message).</summary>
    void Write(OutputStream stream, string text);

    /// <summary>Shows a rich value (<c>display_data</c>); with a display id it can later be replaced in place.</summary>
    void Display(DisplayData data, string? displayId);

    /// <summary>Replaces every output shown earlier under <paramref name="displayId"/> (<c>update_display_data</c>).</summary>
    void UpdateDisplay(DisplayData data, string displayId);

    /// <summary>Clears the cell's output; with <paramref name="wait"/>, only when the next output arrives.</summary>
    void ClearOutput(bool wait);
}
