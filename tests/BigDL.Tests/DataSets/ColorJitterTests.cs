using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class ColorJitterTests
{
    private static float Grey(float[] c, int i) => 0.114f * c[i] + 0.587f * c[i + 1] + 0.299f * c[i + 2];

    private static LabeledBGRImage TwoPixels() => Images.Bgr(2, 1, 0.1f, 0.5f, 0.9f, 0.6f, 0.2f, 0.3f);

    [Fact]
    public void Apply_SaturationOfPureRed_BlendsWithGreyWeighingRedByPoint299()
    {
        // One step with a variance: its draw is the third uniform after the two of the order's shuffle, whatever the order.
        var draws = new RandomGenerator(9);
        draws.Uniform();
        draws.Uniform();
        var u = new[] { draws.Uniform(), draws.Uniform(), draws.Uniform() };
        var image = Images.Bgr(1, 1, 0f, 0f, 1f);
        new ColorJitter(brightness: 0, contrast: 0, saturation: 0.4f, random: new RandomGenerator(9)).Apply([image]).ToList();
        var order = Order(new RandomGenerator(9));
        float alpha = 1f + (float)(u[Array.IndexOf(order, 2)] * 0.8 - 0.4);
        Assert.Equal(new[] { (1 - alpha) * 0.299f, (1 - alpha) * 0.299f, alpha + (1 - alpha) * 0.299f }, image.Content, FloatClose);
    }

    [Fact]
    public void Apply_BrightnessOnly_ScalesEveryValueByOneFactorNearOne()
    {
        var image = TwoPixels();
        var before = (float[])image.Content.Clone();
        new ColorJitter(0.4f, 0, 0, new RandomGenerator(1)).Apply([image]).ToList();
        float factor = image.Content[0] / before[0];
        Assert.InRange(factor, 0.6f, 1.4f);
        Assert.NotEqual(1f, factor);
        Assert.Equal(before.Select(v => v * factor), image.Content, FloatClose);
    }

    [Fact]
    public void Apply_ContrastOnly_KeepsMeanGreyAndScalesDeviationsFromIt()
    {
        var image = TwoPixels();
        var before = (float[])image.Content.Clone();
        float mean = (Grey(before, 0) + Grey(before, 3)) / 2;
        new ColorJitter(0, 0.4f, 0, new RandomGenerator(2)).Apply([image]).ToList();
        Assert.Equal(mean, (Grey(image.Content, 0) + Grey(image.Content, 3)) / 2, 5);
        float factor = (image.Content[0] - mean) / (before[0] - mean);
        Assert.InRange(factor, 0.6f, 1.4f);
        Assert.Equal(before.Select(v => mean + (v - mean) * factor), image.Content, FloatClose);
    }

    [Fact]
    public void Apply_SaturationOnly_KeepsEachPixelsGrey()
    {
        var image = TwoPixels();
        var before = (float[])image.Content.Clone();
        new ColorJitter(0, 0, 0.4f, new RandomGenerator(3)).Apply([image]).ToList();
        Assert.Equal(Grey(before, 0), Grey(image.Content, 0), 5);
        Assert.Equal(Grey(before, 3), Grey(image.Content, 3), 5);
        Assert.NotEqual(before, image.Content);
    }

    [Fact]
    public void Apply_SameSeed_SameResult_OtherSeed_Other()
    {
        float[] Run(ulong seed)
        {
            var image = TwoPixels();
            new ColorJitter(random: new RandomGenerator(seed)).Apply([image]).ToList();
            return image.Content;
        }
        Assert.Equal(Run(4), Run(4));
        Assert.NotEqual(Run(4), Run(5));
    }

    [Fact]
    public void Apply_AllVariancesZero_LeavesTheImage()
    {
        var image = TwoPixels();
        new ColorJitter(0, 0, 0).Apply([image]).ToList();
        Assert.Equal(TwoPixels().Content, image.Content);
    }

    /// <summary>The order of the three steps as ColorJitter's documented Fisher–Yates shuffle draws it.</summary>
    private static int[] Order(RandomGenerator random)
    {
        int[] order = [0, 1, 2];
        for (int i = 2; i > 0; i--)
        {
            int j = (int)(random.Uniform() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static readonly IEqualityComparer<float> FloatClose = EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) < 1e-5f, _ => 0);
}
