using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class ValidationTableTests
{
    [Fact]
    public void Html_AccuracyResult_IsOneRowOfMethodValueAndCorrectOfAll()
    {
        string html = Rendered.Html(new AccuracyResult(9876, 10000));

        Assert.Equal(["Accuracy", "0.9876", "9,876/10,000"], Rendered.Cells(html));
        Assert.Contains("<th>Method</th><th class=\"bigdl-num\">Value</th><th class=\"bigdl-num\">Count</th>", html);
    }

    [Fact]
    public void Html_ListOfResults_NamesEachByItsKind()
    {
        ValidationResult[] results = [new AccuracyResult(3, 4), new MeanResult("Loss", 1.5, 3), new MeanResult("MAE", 0.25, 1)];

        Assert.Equal(["Accuracy", "0.7500", "3/4", "Loss", "0.5000", "3", "MAE", "0.2500", "1"], Rendered.Cells(Rendered.Html(results)));
    }

    [Fact]
    public void Html_EvaluateResults_NameEachMethod()
    {
        var model = new Sequential<float>().Add(new Linear<float>(2, 3)).Add(new LogSoftMax<float>());
        var data = DataSet.Array(Enumerable.Range(0, 8).Select(i => new MiniBatch<float>(new Tensor<float>(4, 2).Fill(i), new Tensor<float>([0, 1, 2, 0], 4))).ToArray());

        var results = model.Evaluate(data, new Top1Accuracy<float>(), new Top5Accuracy<float>(), new Loss<float>(new ClassNLLCriterion<float>()));

        string[] cells = Rendered.Cells(Rendered.Html(results));
        Assert.Equal(9, cells.Length);
        Assert.Equal(["Top1Accuracy", "Top5Accuracy", "Loss"], [cells[0], cells[3], cells[6]]);
        Assert.Equal("32/32", cells[5]);
        Assert.Equal("1.0000", cells[4]);
    }

    [Fact]
    public void Html_DoubleEvaluateResults_NameEachMethod()
    {
        (ValidationMethod<double> Method, ValidationResult Result)[] results = [(new Top1Accuracy<double>(), new AccuracyResult(1, 2))];

        Assert.Equal(["Top1Accuracy", "0.5000", "1/2"], Rendered.Cells(Rendered.Html(results)));
    }

    [Fact]
    public void Html_ValidationCompletedResults_UseTheirNames()
    {
        var done = new ValidationCompleted(2, 40, [("Top1Accuracy", new AccuracyResult(1, 4)), ("Loss", new MeanResult("Loss", 2, 4))], TimeSpan.FromSeconds(1));

        Assert.Equal(["Top1Accuracy", "0.2500", "1/4", "Loss", "0.5000", "4"], Rendered.Cells(Rendered.Html(done.Results)));
    }

    [Fact]
    public void PlainText_List_IsAnAlignedTable()
    {
        ValidationResult[] results = [new AccuracyResult(9876, 10000), new MeanResult("Loss", 41.2, 1000)];

        string[] lines = Rendered.Plain(results).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^Method\s+Value\s+Count$", lines[0]);
        Assert.Matches(@"^Accuracy\s+0\.9876\s+9,876/10,000$", lines[1]);
        Assert.Matches(@"^Loss\s+0\.0412\s+1,000$", lines[2]);
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
    }

    [Fact]
    public void PlainText_SingleResult_IsTheCoresPrintout()
    {
        var result = new MeanResult("Loss", 3, 2);

        Assert.Equal(result.ToString(), Rendered.Plain(result));
    }
}
