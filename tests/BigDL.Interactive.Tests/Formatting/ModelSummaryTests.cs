using BigDL.Interactive.Formatting;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class ModelSummaryTests
{
    private static readonly string[] LeNetTypes =
    [
        "Sequential",
        "Reshape(1x28x28)",
        "SpatialConvolution(1 -> 6, 5x5, 1, 1, 0, 0)",
        "Tanh",
        "SpatialMaxPooling(2, 2, 2, 2, 0, 0)",
        "Tanh",
        "SpatialConvolution(6 -> 12, 5x5, 1, 1, 0, 0)",
        "SpatialMaxPooling(2, 2, 2, 2, 0, 0)",
        "Reshape(192)",
        "Linear(192 -> 100)",
        "Tanh",
        "Linear(100 -> 10)",
        "LogSoftMax",
    ];

    [Fact]
    public void Summarize_LeNet5_KnowsEveryOutputShapeAndParameterCount()
    {
        var summary = LeNet5.Create<float>(10).Summarize(4, 1, 28, 28);

        Assert.Equal(LeNetTypes, summary.Layers.Select(l => l.Type));
        Assert.Equal(["", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], summary.Layers.Select(l => l.Index));
        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], summary.Layers.Select(l => l.Depth));
        Assert.Equal(
            ["[4×10]", "[4×1×28×28]", "[4×6×24×24]", "[4×6×24×24]", "[4×6×12×12]", "[4×6×12×12]", "[4×12×8×8]", "[4×12×4×4]",
             "[4×192]", "[4×100]", "[4×100]", "[4×10]", "[4×10]"],
            summary.Layers.Select(l => l.OutputShape));
        Assert.Equal([22_278L, 0, 156, 0, 0, 0, 1_812, 0, 0, 19_300, 0, 1_010, 0], summary.Layers.Select(l => l.Parameters));
        Assert.Equal(22_278, summary.TrainableParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
        Assert.Equal(22_278, summary.TotalParameters);
        Assert.Equal("reshape1", summary.Layers[1].Name);
        Assert.Equal("conv1_5x5", summary.Layers[2].Name);
        Assert.Equal("fc2", summary.Layers[11].Name);
    }

    [Fact]
    public void Html_LeNet5BeforeAnyForward_HasEveryLayerRowWithDashesAndTheTotals()
    {
        var model = LeNet5.Create<float>(10);

        string html = Rendered.Html(model);

        string[] cells = Rendered.Cells(html);
        Assert.Equal(13 * 5, cells.Length);
        Assert.Equal(LeNetTypes, Enumerable.Range(0, 13).Select(r => cells[r * 5 + 2]));
        Assert.All(Enumerable.Range(0, 13), r => Assert.Equal("—", cells[r * 5 + 3]));
        Assert.Equal(["22,278", "0", "156", "0", "0", "0", "1,812", "0", "0", "19,300", "0", "1,010", "0"], Enumerable.Range(0, 13).Select(r => cells[r * 5 + 4]));
        Assert.Equal(["Total parameters: 22,278 · trainable: 22,278 · non-trainable: 0"], Rendered.Divs(html, "bigdl-note"));
        Assert.Contains(">conv1_5x5</td>", html);
        Assert.Equal(1, Rendered.Count(html, "<tr class=\"bigdl-container\">"));
    }

    [Fact]
    public void Html_AfterForward_ShowsTheLastOutputShapes()
    {
        var model = LeNet5.Create<double>(10);
        model.Forward(new Tensor<double>(2, 784));

        string[] cells = Rendered.Cells(Rendered.Html(model));

        Assert.Equal("[2×10]", cells[3]);
        Assert.Equal("[2×6×24×24]", cells[2 * 5 + 3]);
    }

    [Fact]
    public void Summarize_NestedContainers_AreListedRecursivelyWithDottedIndicesAndDepth()
    {
        var model = new Sequential<float>()
            .Add(new Linear<float>(4, 6))
            .Add(new Concat<float>(1)
                .Add(new Sequential<float>().Add(new Linear<float>(6, 2)).Add(new ReLU<float>()))
                .Add(new Linear<float>(6, 3)))
            .Add(new LogSoftMax<float>());

        var summary = model.Summarize(5, 4);

        Assert.Equal(["", "0", "1", "1.0", "1.0.0", "1.0.1", "1.1", "2"], summary.Layers.Select(l => l.Index));
        Assert.Equal([0, 1, 1, 2, 3, 3, 2, 1], summary.Layers.Select(l => l.Depth));
        Assert.Equal([true, false, true, true, false, false, false, false], summary.Layers.Select(l => l.IsContainer));
        Assert.Equal(["[5×5]", "[5×6]", "[5×5]", "[5×2]", "[5×2]", "[5×2]", "[5×3]", "[5×5]"], summary.Layers.Select(l => l.OutputShape));
        Assert.Equal([30L + 14 + 21, 30, 14 + 21, 14, 14, 0, 21, 0], summary.Layers.Select(l => l.Parameters));
        Assert.Equal("Concat", summary.Layers[2].Type);
    }

    [Fact]
    public void Html_NestedContainers_IndentNamesByDepth()
    {
        var model = new Sequential<float>().Add(new Sequential<float>().Add(new Linear<float>(2, 2).SetName("inner")));

        string html = Rendered.Html(model);

        Assert.Contains("<td style=\"padding-left:2.9em\">inner</td>", html);
        Assert.Equal(2, Rendered.Count(html, "<tr class=\"bigdl-container\">"));
    }

    [Fact]
    public void Summarize_BatchNormalization_CountsRunningStatisticsAsNonTrainable()
    {
        var model = new Sequential<double>().Add(new Linear<double>(3, 4)).Add(new BatchNormalization<double>(4));

        var summary = model.Summarize(2, 3);

        Assert.Equal(16 + 8, summary.TrainableParameters);
        Assert.Equal(8, summary.NonTrainableParameters);
        Assert.Equal(32, summary.TotalParameters);
        Assert.Equal("Total parameters: 32 · trainable: 24 · non-trainable: 8", summary.Totals);
    }

    [Fact]
    public void Summarize_FlattenedParameters_AreStillCountedOnce()
    {
        var model = LeNet5.Create<float>(10);
        model.GetParameters();

        var summary = model.Summarize(1, 28, 28);

        Assert.Equal(22_278, summary.TrainableParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
    }

    [Fact]
    public void Summarize_RunsInEvaluationModeAndRestoresEveryModulesMode()
    {
        var dropout = new Dropout<float>(0.5);
        var linear = new Linear<float>(3, 3);
        var model = new Sequential<float>().Add(linear).Add(dropout);
        model.Training();
        linear.Evaluate();
        var input = new Tensor<float>(2, 3).Fill(1);

        var summary = model.Summarize(input);

        Assert.Equal(linear.Output.ToString(), dropout.Output.ToString()); // dropout was off during the pass
        Assert.True(model.IsTraining);
        Assert.False(linear.IsTraining);
        Assert.True(dropout.IsTraining);
        Assert.Equal("[2×3]", summary.Layers[0].OutputShape);
    }

    [Fact]
    public void Summarize_EvaluationModel_StaysInEvaluation()
    {
        var model = LeNet5.Create<float>(10);
        model.Evaluate();

        model.Summarize(1, 28, 28);

        Assert.All(ModuleTree(model), m => Assert.False(m.IsTraining));
    }

    [Fact]
    public void Summarize_ShapeTheModelRejects_ThrowsNamingArgumentLayerAndShapes()
    {
        var model = LeNet5.Create<float>(10);

        var e = Assert.Throws<ArgumentException>(() => model.Summarize(1, 3, 28, 28));

        Assert.Equal("inputShape", e.ParamName);
        Assert.Contains("[1×3×28×28]", e.Message);
        Assert.Contains("Reshape", e.Message);
        Assert.IsType<LayerException>(e.InnerException);
        Assert.True(model.IsTraining);
    }

    [Theory]
    [InlineData(new int[0], "[]")]
    [InlineData(new[] { 2, 0 }, "[2, 0]")]
    public void Summarize_InvalidShape_ThrowsNamingTheShape(int[] shape, string shown)
    {
        var e = Assert.Throws<ArgumentException>(() => new Linear<float>(2, 2).Summarize(shape));

        Assert.Equal("inputShape", e.ParamName);
        Assert.Contains("each at least 1", e.Message);
        Assert.Contains("got " + shown, e.Message);
    }

    [Fact]
    public void Html_NamesAreEscaped()
    {
        var model = new Sequential<float>().Add(new Linear<float>(2, 2).SetName("<script>alert('x')</script>"));

        string html = Rendered.Html(model);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
    }

    [Fact]
    public void Html_LayerPrintingAsOneLine_IsOneRowThoughBuiltFromModules()
    {
        var model = new Sequential<float>().Add(new TemporalConvolution<float>(4, 5, 3));

        var summary = model.Summarize(7, 4);

        Assert.Equal(2, summary.Layers.Count);
        Assert.Equal("TemporalConvolution(4 -> 5, 3, 1)", summary.Layers[1].Type);
        Assert.False(summary.Layers[1].IsContainer);
        Assert.Equal("[5×5]", summary.Layers[1].OutputShape);
    }

    [Fact]
    public void PlainText_Module_IsTheCoresPrintout()
    {
        var model = LeNet5.Create<float>(10);

        Assert.Equal(model.ToString(), Rendered.Plain(model));
    }

    [Fact]
    public void PlainText_Summary_IsAnAlignedTableWithTotals()
    {
        var summary = new Sequential<float>().Add(new Linear<float>(3, 2).SetName("fc")).Summarize(1, 3);

        string[] lines = Rendered.Plain(summary).Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^#\s+Name\s+Type\s+Output shape\s+Parameters$", lines[0]);
        Assert.Matches(@"^0\s+  fc\s+Linear\(3 -> 2\)\s+\[1×2\]\s+8$", lines[2]);
        Assert.Equal(lines[0].Length, lines[1].Length);
        Assert.Equal(lines[0].Length, lines[2].Length);
        Assert.Equal("Total parameters: 8 · trainable: 8 · non-trainable: 0", lines[3]);
        Assert.Equal(summary.ToString(), Rendered.Plain(summary));
    }

    private static IEnumerable<Module<float>> ModuleTree(Module<float> module) =>
        module is IContainer<float> c ? [module, .. c.Modules.SelectMany(ModuleTree)] : [module];
}
