using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class TensorHtmlTests
{
    [Fact]
    public void Html_FloatMatrix_HeaderNamesTypeAndShapeAndRowsHoldTheValues()
    {
        var t = new Tensor<float>([1.5f, -2f, 0.25f, 3f, 4f, 5f], 2, 3);

        string html = Rendered.Html(t);

        Assert.Equal(["Tensor<float> [2×3]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Contains("<div class=\"bigdl-title\">Tensor&lt;float&gt; [2×3]</div>", html);
        Assert.Equal(["1.5000", "-2.0000", "0.2500", "3.0000", "4.0000", "5.0000"], Rendered.Cells(html));
        Assert.Contains("<thead><tr><th></th><th>0</th><th>1</th><th>2</th></tr></thead>", html);
        Assert.Contains("<tr><th>1</th><td>3.0000</td>", html);
    }

    [Fact]
    public void Html_Output_IsOneScopedDivWithItsStyleSheet()
    {
        string html = Rendered.Html(new Tensor<double>(2, 2));

        Assert.StartsWith("<div class=\"bigdl\"><style>", html);
        Assert.EndsWith("</div>", html);
        string css = html[(html.IndexOf("<style>", StringComparison.Ordinal) + 7)..html.IndexOf("</style>", StringComparison.Ordinal)];
        foreach (string rule in css.Split('}', StringSplitOptions.RemoveEmptyEntries))
            Assert.StartsWith(".bigdl", rule);
    }

    [Fact]
    public void Html_DoubleVector_IsOneRowWithColumnIndices()
    {
        string html = Rendered.Html(new Tensor<double>([1, 2, 3], 3));

        Assert.Equal(["Tensor<double> [3]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Contains("<thead><tr><th>0</th><th>1</th><th>2</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody>", html);
    }

    [Fact]
    public void Html_Scalar_ShowsItsOneValue()
    {
        string html = Rendered.Html(Tensor<double>.Scalar(3.25));

        Assert.Equal(["Tensor<double> [] scalar"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(["3.2500"], Rendered.Cells(html));
    }

    [Theory]
    [InlineData(new int[0], "Tensor<float> [] empty")]
    [InlineData(new[] { 0, 3 }, "Tensor<float> [0×3] empty")]
    public void Html_EmptyTensor_HasHeaderAndNoTable(int[] sizes, string title)
    {
        var t = sizes.Length == 0 ? new Tensor<float>() : new Tensor<float>(sizes);

        string html = Rendered.Html(t);

        Assert.Equal([title], Rendered.Divs(html, "bigdl-title"));
        Assert.DoesNotContain("<table", html);
    }

    [Fact]
    public void Html_ThreeDims_IsSequenceOfSlicesLabelledLikeTorch()
    {
        var t = new Tensor<double>([1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2);

        string html = Rendered.Html(t);

        Assert.Equal(["(0,.,.)", "(1,.,.)"], Rendered.Divs(html, "bigdl-slice"));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], Rendered.Cells(html));
        Assert.Equal(2, Rendered.Count(html, "<table"));
    }

    [Fact]
    public void Html_FourDims_LabelsCountEveryLeadingIndex()
    {
        var t = Tensor<float>.Range(0, 11).View(2, 3, 2, 1);

        string html = Rendered.Html(t);

        Assert.Equal(["(0,0,.,.)", "(0,1,.,.)", "(0,2,.,.)", "(1,0,.,.)", "(1,1,.,.)", "(1,2,.,.)"], Rendered.Divs(html, "bigdl-slice"));
    }

    [Fact]
    public void Html_LargeMatrix_ShowsFirstAndLastThreeRowsAndColumnsAroundEllipses()
    {
        var t = new Tensor<float>(1000, 1000);
        for (int i = 0; i < 1000; i++) t[i, i] = i;

        string html = Rendered.Html(t);

        Assert.Equal(["Tensor<float> [1000×1000]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(7 * 7, Rendered.Cells(html).Length);
        Assert.Contains("<thead><tr><th></th><th>0</th><th>1</th><th>2</th><th>…</th><th>997</th><th>998</th><th>999</th></tr></thead>", html);
        Assert.Contains("<tr><th>⋮</th><td>⋮</td><td>⋮</td><td>⋮</td><td>⋱</td><td>⋮</td><td>⋮</td><td>⋮</td></tr>", html);
        Assert.Contains("<tr><th>999</th><td>0</td><td>0</td><td>0</td><td>…</td><td>0</td><td>0</td><td>999</td></tr>", html);
        Assert.True(html.Length < 6000, $"the HTML of a clipped 1000×1000 tensor should stay small, got {html.Length} characters");
    }

    [Fact]
    public void Html_TwentyRows_AreShownInFullAndTwentyOneAreClipped()
    {
        Assert.Equal(20, Rendered.Cells(Rendered.Html(new Tensor<double>(20, 1))).Length);
        Assert.Equal(7, Rendered.Cells(Rendered.Html(new Tensor<double>(21, 1))).Length);
    }

    [Fact]
    public void Html_ManySlices_ShowsFirstAndLastThreeAndSaysHowManyAreLeftOut()
    {
        var t = new Tensor<double>(12, 2, 2);

        string html = Rendered.Html(t);

        Assert.Equal(["(0,.,.)", "(1,.,.)", "(2,.,.)", "(9,.,.)", "(10,.,.)", "(11,.,.)"], Rendered.Divs(html, "bigdl-slice"));
        Assert.Equal(["⋮ 6 more slices"], Rendered.Divs(html, "bigdl-note"));
    }

    [Fact]
    public void Html_TransposedView_ShowsTheViewsValues()
    {
        var t = new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3).Transpose(0, 1);

        string html = Rendered.Html(t);

        Assert.Equal(["Tensor<double> [3×2]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(["1", "4", "2", "5", "3", "6"], Rendered.Cells(html));
    }

    [Fact]
    public void Html_NarrowedView_StartsAtTheViewsOffset()
    {
        var t = new Tensor<float>([1, 2, 3, 4, 5, 6], 3, 2).Narrow(0, 1, 2).Select(1, 1);

        Assert.Equal(["4", "6"], Rendered.Cells(Rendered.Html(t)));
    }

    [Theory]
    [InlineData(new[] { 1.0, -2.0, 30.0 }, new[] { "1", "-2", "30" })]
    [InlineData(new[] { 0.5, -1.25, 100.0 }, new[] { "0.5000", "-1.2500", "100.0000" })]
    [InlineData(new[] { 1e-5, 1.0, 2.5 }, new[] { "1.0000e-05", "1.0000e+00", "2.5000e+00" })]
    [InlineData(new[] { 2.5e7, 1.0, 0.0 }, new[] { "2.5000e+07", "1.0000e+00", "0.0000e+00" })]
    [InlineData(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }, new[] { "nan", "inf", "-inf" })]
    public void Html_Numbers_ShareOneCompactFormatPerTensor(double[] values, string[] expected)
    {
        Assert.Equal(expected, Rendered.Cells(Rendered.Html(new Tensor<double>(values, values.Length))));
    }

    [Fact]
    public void Html_Numbers_UseTheInvariantCultureWhateverTheCurrentOne()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            var commaDecimals = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
            commaDecimals.NumberFormat.NumberGroupSeparator = ".";
            Thread.CurrentThread.CurrentCulture = commaDecimals;
            Assert.Equal(["1.5000", "1234.0000"], Rendered.Cells(Rendered.Html(new Tensor<double>([1.5, 1234], 2))));
            Assert.Contains("Total parameters: 1,234", Rendered.Html(new BigDL.NN.Linear<double>(1233, 1, withBias: true)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    public static TheoryData<Tensor<float>> PrintedTensors() =>
    [
        new Tensor<float>(),
        Tensor<float>.Scalar(2.5f),
        new Tensor<float>([1, 2, 3], 3),
        Tensor<float>.Range(1, 24).View(2, 3, 4),
        new Tensor<float>(40, 40),
        Tensor<float>.Range(1, 6).View(2, 3).Transpose(0, 1),
    ];

    [Theory]
    [MemberData(nameof(PrintedTensors))]
    public void PlainText_IsTheCoresPrintout(Tensor<float> t)
    {
        Assert.Equal(t.ToString(), Rendered.Plain(t));
    }

    [Fact]
    public void PlainText_DoubleTensor_IsTheCoresPrintout()
    {
        var t = new Tensor<double>([1, 2.5, -3, 4], 2, 2);

        Assert.Equal(t.ToString(), Rendered.Plain(t));
    }
}
