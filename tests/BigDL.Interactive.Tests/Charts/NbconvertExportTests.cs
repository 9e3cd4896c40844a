using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BigDL.Interactive.Charts;
using BigDL.Interactive.Tests.Training;
using BigDL.Interactive.Training;
using BigDL.Optim;

namespace BigDL.Interactive.Tests.Charts;

/// <summary>
/// A notebook holding the extension's outputs, exported by Debian's <c>jupyter nbconvert --to html</c>: the static
/// chart, the upgrade script and the inline plotly.js all survive, so the exported page shows the chart offline.
/// </summary>
[Collection(NotebookState.Name)]
public sealed class NbconvertExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bigdl-nbconvert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrainingReport Report()
    {
        var history = new TrainingHistory();
        history.Add(new TrainingStarted(1, 0, 0, 100, 4, 2, null));
        for (int i = 1; i <= 8; i++) history.Add(new IterationCompleted((i - 1) / 4 + 1, i, 1.0 / i, 25, (i - 1) % 4 * 25 + 25, 100, 500, 0.1, TimeSpan.FromSeconds(i)));
        history.Add(new TrainingCompleted(3, 8, TimeSpan.FromSeconds(8), 200, false));
        return history.Report();
    }

    private static JsonObject Output(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (type, text) in bundle) data[type] = type.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : text;
        return new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };
    }

    private static JsonObject Cell(string id, string source, JsonObject output) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id,
        ["metadata"] = new JsonObject(),
        ["source"] = source,
        ["outputs"] = new JsonArray(output),
    };

    [Fact]
    public void ExportedHtml_KeepsTheStaticChartTheScriptAndPlotlyJs()
    {
        LiveTraining.Enable();
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Cell("load", "#r \"nuget:BigDL\"", Output(HostBundles.Format(PlotlyJs.Script()))),
                Cell("train", "optimizer.Optimize();", Output(HostBundles.Format(Report())))),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(_folder, "live.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());

        var start = new ProcessStartInfo("/usr/bin/jupyter", ["nbconvert", "--to", "html", "--output-dir", _folder, path])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var nbconvert = Process.Start(start)!;
        string errors = nbconvert.StandardError.ReadToEnd();
        nbconvert.WaitForExit();
        Assert.True(nbconvert.ExitCode == 0, $"nbconvert exited with {nbconvert.ExitCode}: {errors}");

        string html = File.ReadAllText(Path.Combine(_folder, "live.html"));
        Assert.Contains("plotly.js v" + PlotlyJs.Version, html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("Training done: epoch 2/2 · iteration 8/8 · 100%"), html);
        Assert.Contains("class=\"plot-area\"", html);
        Assert.Contains("window.Plotly.newPlot", html);
        Assert.DoesNotMatch("<script[^>]*src=\"https?://", html); // (plotly.js itself names a CDN only for map topologies)
    }
}
