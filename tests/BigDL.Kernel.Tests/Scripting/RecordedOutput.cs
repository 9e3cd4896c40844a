using System.Collections.Concurrent;
using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Tests.Scripting;

/// <summary>An <see cref="ICellOutput"/> that keeps everything a cell sent, in order.</summary>
internal sealed class RecordedOutput : ICellOutput
{
    private readonly ConcurrentQueue<(string Kind, string? Id, object Payload)> events = new();

    public IReadOnlyList<(string Kind, string? Id, object Payload)> Events => events.ToArray();

    public string Text(OutputStream stream) =>
        string.Concat(events.Where(e => e.Kind == stream.ToString()).Select(e => (string)e.Payload));

    public IEnumerable<(string? Id, DisplayData Data)> Displays =>
        events.Where(e => e.Kind == "display").Select(e => (e.Id, (DisplayData)e.Payload));

    public IEnumerable<(string? Id, DisplayData Data)> Updates =>
        events.Where(e => e.Kind == "update").Select(e => (e.Id, (DisplayData)e.Payload));

    public void Write(OutputStream stream, string text) => events.Enqueue((stream.ToString(), null, text));

    public void Display(DisplayData data, string? displayId) => events.Enqueue(("display", displayId, data));

    public void UpdateDisplay(DisplayData data, string displayId) => events.Enqueue(("update", displayId, data));

    public void ClearOutput(bool wait) => events.Enqueue(("clear", null, wait));
}
