using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Shows values that code displays through the formatter registry's own <c>value.Display()</c> (the extension method
/// .NET Interactive users and libraries call) in the current cell. The registry (1.0.0-beta.26120.1) announces a first
/// display under a different id than the handle it returns, so the first <c>Update</c> of that handle names an id the
/// front end has never seen: that update is shown as a new output under the handle's id, and later updates replace it.
/// </summary>
internal sealed class DisplayedValueBridge : IDisposable
{
    private readonly CurrentCell cell;
    private readonly ConcurrentDictionary<string, byte> shown = new(StringComparer.Ordinal);
    private readonly IDisposable subscription;

    public DisplayedValueBridge(CurrentCell cell)
    {
        this.cell = cell;
        subscription = Formatter.SubscribeToDisplayedValues(OnDisplayed);
    }

    private void OnDisplayed(DisplayedValue displayed)
    {
        // Only the session whose cell displays it shows it (every session in the process hears every display).
        if (cell.Output is not { } output || !ReferenceEquals(CellConsoleWriter.Current, cell)) return;
        var data = new DisplayData(displayed.FormattedValues.ToDictionary(v => v.MimeType, v => Represent(v)), new Dictionary<string, JsonNode?>());
        if (displayed.IsUpdated && shown.ContainsKey(displayed.DisplayId))
        {
            output.UpdateDisplay(data, displayed.DisplayId);
            return;
        }
        shown[displayed.DisplayId] = 0;
        output.Display(data, displayed.DisplayId);
    }

    private static JsonNode? Represent(FormattedValue value) =>
        MimeBundles.IsJson(value.MimeType) ? JsonNode.Parse(value.Value) : JsonValue.Create(value.Value);

    public void Dispose() => subscription.Dispose();
}
