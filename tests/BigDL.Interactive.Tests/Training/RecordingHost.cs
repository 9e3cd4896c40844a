namespace BigDL.Interactive.Tests.Training;

/// <summary>
/// A notebook host for tests: formats every displayed value into its MIME bundle as a real host would
/// (<see cref="NotebookHost.Format"/>) and records each display and each in-place update, per display.
/// </summary>
internal sealed class RecordingHost : IDisposable
{
    private readonly IDisposable _attachment;

    public RecordingHost(Func<CancellationToken>? cancellation = null, bool showPlotlyJs = false)
        => _attachment = NotebookHost.Attach(Display, cancellation ?? (() => CancellationToken.None), showPlotlyJs);

    /// <summary>Every output displayed, in order, each with its first bundle and then every update.</summary>
    public List<List<IReadOnlyDictionary<string, string>>> Outputs { get; } = [];

    /// <summary>Called after each update with the output's number and the bundle.</summary>
    public Action<int, IReadOnlyDictionary<string, string>>? OnUpdate { get; set; }

    public void Dispose() => _attachment.Dispose();

    private Action<object> Display(object value)
    {
        var output = new List<IReadOnlyDictionary<string, string>> { HostBundles.Format(value) };
        Outputs.Add(output);
        int number = Outputs.Count - 1;
        return update =>
        {
            var bundle = HostBundles.Format(update);
            output.Add(bundle);
            OnUpdate?.Invoke(number, bundle);
        };
    }
}
