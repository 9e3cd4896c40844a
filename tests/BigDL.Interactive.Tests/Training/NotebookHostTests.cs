using BigDL.Interactive.Training;
using BigDL.Optim;
using Microsoft.AspNetCore.Html;

namespace BigDL.Interactive.Tests.Training;

/// <summary>Attaching and detaching a host, the no-host default, and what attaching sets up.</summary>
[Collection(NotebookState.Name)]
public sealed class NotebookHostTests
{
    [Fact]
    public void Display_WithoutHost_DoesNothing_AndReturnsAnUpdateThatDoesNothing()
    {
        Assert.False(NotebookHost.IsAttached);
        var update = NotebookHost.Display("hello");
        update("world");
        Assert.Throws<ArgumentNullException>(() => NotebookHost.Display(null!));
    }

    [Fact]
    public void Attach_ShowsPlotlyJsOnce_EnablesLiveTraining_AndDetachRestoresTheDefault()
    {
        var shown = new List<object>();
        var attachment = NotebookHost.Attach(value =>
        {
            shown.Add(value);
            return _ => { };
        }, () => CancellationToken.None);
        try
        {
            Assert.True(NotebookHost.IsAttached);
            Assert.True(LiveTraining.IsEnabled);
            var script = Assert.IsType<IHtmlContent>(Assert.Single(shown), exactMatch: false);
            var bundle = HostBundles.Format(script);
            Assert.StartsWith("<script", bundle["text/html"], StringComparison.Ordinal);
            Assert.Contains("plotly.js v2.28.0", bundle["text/html"], StringComparison.Ordinal);
            NotebookHost.Display(42);
            Assert.Equal(2, shown.Count);
        }
        finally
        {
            attachment.Dispose();
        }
        Assert.False(NotebookHost.IsAttached);
        NotebookHost.Display(43);
        Assert.Equal(2, shown.Count);
    }

    [Fact]
    public void Detach_RemovesTheCellCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        NotebookHost.Attach(_ => _ => { }, () => cancelled.Token, showPlotlyJs: false).Dispose();
        var events = new List<TrainingEvent>();
        var optimizer = Optimizer.Create(new BigDL.NN.Linear<double>(2, 1),
            BigDL.DataSets.DataSet.Array([new BigDL.DataSets.Sample<double>(new BigDL.Tensors.Tensor<double>([1.0, 2.0], 2), new BigDL.Tensors.Tensor<double>([1.0], 1))])
                .Transform(new BigDL.DataSets.SampleToMiniBatch<double>(1)),
            new BigDL.NN.MSECriterion<double>()).SetEndWhen(Trigger.MaxIteration(2));
        optimizer.Subscribe(events.Add);
        optimizer.Optimize();
        Assert.False(Assert.IsType<TrainingCompleted>(events[^1]).Cancelled);
    }

    [Fact]
    public void Attach_NullArguments_AreNamed()
    {
        Assert.Equal("display", Assert.Throws<ArgumentNullException>(() => NotebookHost.Attach(null!, () => CancellationToken.None)).ParamName);
        Assert.Equal("cancellation", Assert.Throws<ArgumentNullException>(() => NotebookHost.Attach(_ => _ => { }, null!)).ParamName);
        Assert.False(NotebookHost.IsAttached);
    }
}
