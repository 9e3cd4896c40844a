using System.Text.RegularExpressions;
using BigDL.DataSets;
using BigDL.Interactive.Formatting;
using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public partial class ImageGridTests
{
    [Fact]
    public void Html_GreySample_IsOnePngScaledMinToMaxWithItsLabel()
    {
        var sample = new Sample<float>(new Tensor<float>([-1, 0, 1, 2], 2, 2), 7f);

        string html = Rendered.Html(sample);

        var (w, h, c, pixels) = PythonPng.Decode(Assert.Single(Pngs(html)));
        Assert.Equal((2, 2, 1), (w, h, c));
        Assert.Equal([0, 85, 170, 255], pixels);
        Assert.Equal(["7"], Captions(html));
    }

    [Fact]
    public void Html_ColourSample_InterleavesTheRedGreenBluePlanes()
    {
        var feature = new Tensor<double>([0, 10, /* green */ 5, 5, /* blue */ 10, 0], 3, 1, 2);

        string html = Rendered.Html(new Sample<double>(feature, 2.0));

        var (w, h, c, pixels) = PythonPng.Decode(Assert.Single(Pngs(html)));
        Assert.Equal((2, 1, 3), (w, h, c));
        Assert.Equal([0, 128, 255, 255, 128, 0], pixels);
    }

    [Fact]
    public void Html_SingleChannelPlane_IsGrey()
    {
        string html = Rendered.Html(new Sample<float>(new Tensor<float>([3, 1], 1, 1, 2), 0f));

        var (w, h, c, pixels) = PythonPng.Decode(Assert.Single(Pngs(html)));
        Assert.Equal((2, 1, 1), (w, h, c));
        Assert.Equal([255, 0], pixels);
    }

    [Fact]
    public void Html_ConstantImageAndSpecialValues_MapToTheEnds()
    {
        var constant = ImageGrid.Of(new Tensor<float>(2, 2).Fill(5));
        var special = ImageGrid.Of(new Tensor<float>([float.NaN, float.NegativeInfinity, float.PositiveInfinity, 1, 3, 2], 2, 3));

        Assert.Equal([0, 0, 0, 0], PythonPng.Decode(constant.Images[0].Png).Pixels);
        Assert.Equal([0, 0, 255, 0, 255, 128], PythonPng.Decode(special.Images[0].Png).Pixels);
    }

    [Fact]
    public void Html_SmallImage_IsShownEnlargedByAWholeFactor()
    {
        string html = Rendered.Html(ImageGrid.Of(new Tensor<float>(28, 28)));

        Assert.Contains("width=\"56\" height=\"56\"", html);
        Assert.Contains("<img src=\"data:image/png;base64,", html);
    }

    [Fact]
    public void Html_ManySamples_ShowsAtMost64AndSaysHowManyAreLeftOut()
    {
        var samples = Enumerable.Range(0, 100).Select(i => new Sample<float>(new Tensor<float>(8, 8).Fill(i), i % 10)).ToArray();

        string html = Rendered.Html(samples);

        Assert.Equal(64, Pngs(html).Length);
        Assert.Equal([.. Enumerable.Range(0, 64).Select(i => (i % 10).ToString())], Captions(html));
        Assert.Equal(["100 samples"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(["64 images shown, 36 more not shown"], Rendered.Divs(html, "bigdl-note"));
    }

    [Fact]
    public void Html_SampleList_IsAGridForListsToo()
    {
        var samples = new List<Sample<double>> { new(new Tensor<double>(4, 4), 1.0), new(new Tensor<double>(3, 4, 4), 2.0) };

        string html = Rendered.Html(samples);

        Assert.Equal(2, Pngs(html).Length);
        Assert.Equal(["1", "2"], Captions(html));
    }

    [Fact]
    public void Of_LazySequence_SaysMoreWithoutCounting()
    {
        var grid = ImageGrid.Of(Images(70), maxImages: 10);

        Assert.Equal(10, grid.Count);
        Assert.Null(grid.Omitted);
        Assert.Equal("ImageGrid(10 images, more not shown)", grid.ToString());
        Assert.Equal(["10 images shown, more not shown"], Rendered.Divs(Rendered.Html(grid), "bigdl-note"));
    }

    [Fact]
    public void Of_TensorsWithCaptions_EscapesThem()
    {
        var grid = ImageGrid.Of([new Tensor<float>(2, 2), new Tensor<float>(2, 2)], ["<b>cat</b>"]);

        string html = Rendered.Html(grid);

        Assert.Equal(["<b>cat</b>"], Captions(html));
        Assert.DoesNotContain("<b>", html);
        Assert.Equal(0, grid.Omitted);
    }

    [Fact]
    public void Of_NonImageTensor_ThrowsNamingItsPositionAndShape()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.Of(new Tensor<float>(2, 2), new Tensor<float>(2, 2, 2)));

        Assert.Equal("images[1]", e.ParamName);
        Assert.Contains("[H, W], [1, H, W] or [3, H, W]", e.Message);
        Assert.Contains("got [2, 2, 2]", e.Message);
    }

    [Fact]
    public void FromBatch_ImagesAndLabels_CaptionsEachImage()
    {
        var batch = new Tensor<float>(5, 1, 4, 4);
        var labels = new Tensor<float>([3, 1, 4, 1, 5], 5);

        var grid = ImageGrid.FromBatch(batch, labels, maxImages: 3);

        Assert.Equal(["3", "1", "4"], Captions(Rendered.Html(grid)));
        Assert.Equal(2, grid.Omitted);
    }

    [Theory]
    [InlineData(new[] { 5, 2, 4, 4 })]
    [InlineData(new[] { 5, 16 })]
    public void FromBatch_NotABatchOfImages_ThrowsNamingTheShape(int[] sizes)
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.FromBatch(new Tensor<float>(sizes)));

        Assert.Equal("batch", e.ParamName);
        Assert.Contains("got " + Shape.Format(sizes), e.Message);
    }

    [Fact]
    public void FromBatch_LabelsOfAnotherLength_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.FromBatch(new Tensor<float>(5, 4, 4), new Tensor<float>(4)));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("[5, …]", e.Message);
        Assert.Contains("got [4]", e.Message);
    }

    [Fact]
    public void Html_MiniBatchOfImages_IsAGridCaptionedWithTheTargets()
    {
        var batch = new MiniBatch<float>(new Tensor<float>(3, 3, 2, 2), new Tensor<float>([0, 2, 1], 3));

        string html = Rendered.Html(batch);

        Assert.Equal(["MiniBatch of 3"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(["0", "2", "1"], Captions(html));
    }

    [Fact]
    public void Html_MiniBatchOfVectors_ShowsInputAndTargetTensors()
    {
        string html = Rendered.Html(new MiniBatch<double>(new Tensor<double>(2, 784), new Tensor<double>([1, 0], 2)));

        Assert.Equal(["MiniBatch of 2", "Tensor<double> [2×784]", "Tensor<double> [2]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Empty(Pngs(html));
    }

    [Fact]
    public void Html_VectorSample_ShowsFeatureAndLabelTensors()
    {
        string html = Rendered.Html(new Sample<float>(new Tensor<float>([1, 2, 3], 3), 1f));

        Assert.Equal(["Tensor<float> [3]", "Tensor<float> [] scalar"], Rendered.Divs(html, "bigdl-title"));
        Assert.Contains("<th>feature</th>", html);
        Assert.Contains("<th>label</th>", html);
        Assert.Empty(Pngs(html));
    }

    [Fact]
    public void Html_VectorSamples_AreAClippedList()
    {
        var samples = Enumerable.Range(0, 30).Select(i => new Sample<float>(new Tensor<float>(4).Fill(i), i)).ToArray();

        string html = Rendered.Html(samples);

        Assert.Equal(1 + 6 * 2, Rendered.Divs(html, "bigdl-title").Length);
        Assert.Contains("24 more samples", html);
        Assert.Empty(Pngs(html));
    }

    [Fact]
    public void PlainText_Sample_IsTheCoresPrintout()
    {
        var sample = new Sample<float>(new Tensor<float>(2, 2), 1f);

        Assert.Equal(sample.ToString(), Rendered.Plain(sample));
    }

    private static IEnumerable<Tensor<float>> Images(int count)
    {
        for (int i = 0; i < count; i++) yield return new Tensor<float>(2, 2).Fill(i);
    }

    private static byte[][] Pngs(string html) =>
        [.. PngSource().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value))];

    private static string[] Captions(string html) =>
        [.. CaptionPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngSource();

    [GeneratedRegex("<figcaption>([^<]*)</figcaption>")]
    private static partial Regex CaptionPattern();
}
