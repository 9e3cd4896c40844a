using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using BigDL.DataSets;
using BigDL.Distributed.Cluster;
using BigDL.Interactive.Magics;
using BigDL.Interactive.Training;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Training;

/// <summary>
/// Real training runs in a recording notebook host: one output per run, updated in place and throttled, ending at
/// 100% with the final loss and scores; the host's cancellation stops the run; nothing shows without a host.
/// </summary>
[Collection(NotebookState.Name)]
public sealed class LiveTrainingTests
{
    private const string Html = "text/html", Plotly = "application/vnd.plotly.v1+json", Text = "text/plain";

    /// <summary>Linear regression of y = 2a − b + 0.5c + 0.1 (plus a little noise) on <paramref name="records"/> generated records.</summary>
    private static Optimizer<double> Regression(int records, int batchSize, Trigger endWhen, bool validate = true)
    {
        var random = new RandomGenerator(11);
        RandomGenerator.Default.SetSeed(5);
        var samples = Enumerable.Range(0, records).Select(_ =>
        {
            var x = Tensor<double>.Randn(random, 3);
            double y = 2 * x[0] - x[1] + 0.5 * x[2] + 0.1 + 0.01 * random.Normal(0, 1);
            return new Sample<double>(x, new Tensor<double>([y], 1));
        }).ToArray();
        var data = DataSet.Array(samples, seed: 3).Transform(new SampleToMiniBatch<double>(batchSize));
        var optimizer = Optimizer.Create(new Sequential<double>().Add(new Linear<double>(3, 1)), data, new MSECriterion<double>())
            .SetOptimMethod(new SGD<double>(learningRate: 0.05))
            .SetEndWhen(endWhen);
        if (validate) optimizer.SetValidation(Trigger.EveryEpoch, data, new MAE<double>());
        return optimizer;
    }

    [Fact]
    public void Optimize_InANotebook_ShowsOneOutputUpdatedInPlace_EndingAt100PercentWithTheFinalLoss()
    {
        using var host = new RecordingHost();
        var events = new List<TrainingEvent>();
        var optimizer = Regression(200, 8, Trigger.MaxEpoch(4));
        optimizer.Subscribe(events.Add);
        optimizer.Optimize();

        var output = Assert.Single(host.Outputs);
        Assert.Single(events.OfType<TrainingStarted>());
        // Forced updates: 4 epoch ends, 4 validations, the end; iterations add a few more at most.
        Assert.InRange(output.Count - 1, 9, 100);
        var last = output[^1];
        double finalLoss = events.OfType<IterationCompleted>().Last().Loss;
        double finalMae = events.OfType<ValidationCompleted>().Last().Results[0].Result.Result.Value;
        string loss = finalLoss.ToString("G5", CultureInfo.InvariantCulture), mae = finalMae.ToString("G5", CultureInfo.InvariantCulture);
        Assert.StartsWith("Training done: epoch 4/4 · iteration 100/100 · 100% · loss " + loss, last[Text]);
        Assert.Contains("MAE " + mae, last[Text]);
        Assert.Contains("100%", last[Html]);
        Assert.Contains("loss " + loss, last[Html]);
        Assert.InRange(finalMae, 0, 0.05); // the regression is learnt, so the curve shows something real

        using var figure = JsonDocument.Parse(last[Plotly]);
        var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["training loss", "MAE"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(finalLoss, traces[0].GetProperty("y").EnumerateArray().Last().GetDouble());
        Assert.Equal([1.0, 2, 3, 4], traces[1].GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(finalMae, traces[1].GetProperty("y").EnumerateArray().Last().GetDouble());
    }

    [Fact]
    public void Optimize_OnWorkerProcessesAfterTheClusterMagic_ShowsTheSameLiveView()
    {
        int cores = Engine.CoreNumber;
        BigDLMagic.Run("cluster --workers 2 --cores 1");
        try
        {
            using var host = new RecordingHost();
            var events = new List<TrainingEvent>();
            var workers = new HashSet<int>();
            var optimizer = Assert.IsType<LocalClusterOptimizer<double>>(Regression(200, 8, Trigger.MaxEpoch(2)));
            optimizer.Subscribe(e =>
            {
                events.Add(e);
                workers.UnionWith(optimizer.WorkerProcessIds);
            });
            optimizer.Optimize();

            Assert.Equal(2, optimizer.Workers);
            Assert.True(workers.Count >= 2 && !workers.Contains(Environment.ProcessId), $"expected worker processes, saw {string.Join(", ", workers)}");
            var output = Assert.Single(host.Outputs);
            var last = output[^1];
            double finalLoss = events.OfType<IterationCompleted>().Last().Loss;
            double finalMae = events.OfType<ValidationCompleted>().Last().Results[0].Result.Result.Value;
            Assert.StartsWith("Training done: epoch 2/2 · iteration 50/50 · 100% · loss " + finalLoss.ToString("G5", CultureInfo.InvariantCulture), last[Text]);
            Assert.Contains("MAE " + finalMae.ToString("G5", CultureInfo.InvariantCulture), last[Text]);
            Assert.InRange(finalMae, 0, 0.1); // learnt on the workers, whose weights came back to this process
            using var figure = JsonDocument.Parse(last[Plotly]);
            Assert.Equal(50, figure.RootElement.GetProperty("data")[0].GetProperty("y").GetArrayLength());
            foreach (int pid in workers)
                Assert.False(Directory.Exists($"/proc/{pid}"), $"worker process {pid} still exists after training");
        }
        finally
        {
            Engine.Init(1, cores);
        }
    }

    [Fact]
    public void Optimize_EveryUpdate_IsAWellFormedBundleWhoseProgressNeverGoesBack()
    {
        using var host = new RecordingHost();
        Regression(64, 8, Trigger.MaxIteration(40)).Optimize();
        var output = Assert.Single(host.Outputs);
        double previous = -1;
        foreach (var bundle in output)
        {
            Assert.Equal(new[] { Html, Plotly, Text }.Order(StringComparer.Ordinal), bundle.Keys.Order(StringComparer.Ordinal));
            var svg = ExtractSvgs(bundle[Html]);
            Assert.Equal(2, svg.Count); // the progress bar and the chart
            double width = double.Parse(svg[0].Descendants().Single(e => (string?)e.Attribute("class") == "progress").Attribute("width")!.Value, CultureInfo.InvariantCulture);
            Assert.True(width >= previous, $"progress bar went back from {previous} to {width}");
            previous = width;
        }
        Assert.Equal(460, previous);
    }

    [Fact]
    public void Optimize_ManyFastIterations_UpdatesAreThrottled()
    {
        using var host = new RecordingHost();
        var optimizer = Regression(4000, 1, Trigger.MaxEpoch(1), validate: false);
        var clock = Stopwatch.StartNew();
        optimizer.Optimize();
        double seconds = clock.Elapsed.TotalSeconds;
        var output = Assert.Single(host.Outputs);
        int updates = output.Count - 1;
        // The epoch end and the end are forced; iterations update at most once per interval of the run's length.
        int bound = 2 + (int)Math.Ceiling(seconds / LiveTraining.UpdateInterval.TotalSeconds) + 1;
        Assert.InRange(updates, 2, bound);
        Assert.True(updates < 4000 / 10, $"{updates} updates for 4000 iterations");
    }

    [Fact]
    public void Optimize_HostCancellation_StopsTheRun_AndTheLastUpdateSaysCancelled()
    {
        using var interrupt = new CancellationTokenSource();
        using var host = new RecordingHost(() => interrupt.Token);
        var events = new List<TrainingEvent>();
        var optimizer = Regression(200, 8, Trigger.MaxEpoch(50), validate: false);
        optimizer.Subscribe(e =>
        {
            events.Add(e);
            if (e is IterationCompleted { Iteration: 30 }) interrupt.Cancel();
        });
        var model = optimizer.Optimize();
        Assert.Same(optimizer.Model, model);
        Assert.Equal(30, events.OfType<IterationCompleted>().Count());
        Assert.True(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
        var last = Assert.Single(host.Outputs)[^1];
        Assert.StartsWith("Training cancelled: epoch 2/50 · iteration 30/1250 · 2%", last[Text]);
    }

    [Fact]
    public void Optimize_TrainingFails_TheOutputSaysWhy()
    {
        using var host = new RecordingHost();
        var optimizer = Regression(40, 8, Trigger.MaxIteration(20), validate: false);
        optimizer.Subscribe(e =>
        {
            if (e is IterationCompleted { Iteration: 3 }) throw new InvalidOperationException("disk full");
        });
        Assert.Throws<InvalidOperationException>(() => optimizer.Optimize());
        var last = Assert.Single(host.Outputs)[^1];
        // The failing subscriber comes before the view, so the view last saw iteration 2.
        Assert.StartsWith("Training failed (InvalidOperationException: disk full): epoch 1 · iteration 2/20 · 10%", last[Text]);
    }

    [Fact]
    public void Optimize_WithoutHostOrDisabled_ShowsNothing()
    {
        var host = new RecordingHost();
        host.Dispose();
        Assert.False(NotebookHost.IsAttached);
        Regression(16, 8, Trigger.MaxIteration(2), validate: false).Optimize();
        Assert.Empty(host.Outputs);

        using var attached = new RecordingHost();
        LiveTraining.Disable();
        try
        {
            Assert.False(LiveTraining.IsEnabled);
            Regression(16, 8, Trigger.MaxIteration(2), validate: false).Optimize();
            Assert.Empty(attached.Outputs);
        }
        finally
        {
            LiveTraining.Enable();
        }
        Regression(16, 8, Trigger.MaxIteration(2), validate: false).Optimize();
        Assert.Single(attached.Outputs);
    }

    [Fact]
    public void Optimize_TwoRuns_TwoOutputs()
    {
        using var host = new RecordingHost();
        var optimizer = Regression(16, 8, Trigger.MaxIteration(2), validate: false);
        optimizer.Optimize();
        optimizer.SetEndWhen(Trigger.MaxIteration(4)).Optimize();
        Assert.Equal(2, host.Outputs.Count);
        Assert.StartsWith("Training done: epoch 2 · iteration 4/4 · 100%", host.Outputs[1][^1][Text]);
    }

    /// <summary>The SVG elements of an HTML output, each parsed as XML (which fails on a malformed one).</summary>
    internal static List<XElement> ExtractSvgs(string html)
    {
        var svgs = new List<XElement>();
        for (int at = html.IndexOf("<svg", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<svg", at + 1, StringComparison.Ordinal))
        {
            int end = html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            svgs.Add(XElement.Parse(html[at..end]));
        }
        return svgs;
    }
}
