using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class HFlipTests
{
    [Fact]
    public void Apply_ThresholdZero_MirrorsEveryRowKeepingChannelOrder()
    {
        var image = Images.Coded(3, 2);
        Assert.Same(image, Assert.Single(new HFlip(0).Apply([image])));
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 3; x++)
                for (int c = 0; c < 3; c++)
                    Assert.Equal(Images.Code(2 - x, y, c), image.Content[3 * (y * 3 + x) + c]);
    }

    [Fact]
    public void Apply_ThresholdOne_NeverFlips()
    {
        var image = Images.Coded(2, 1);
        new HFlip(1).Apply([image]).ToList();
        Assert.Equal(Images.Coded(2, 1).Content, image.Content);
    }

    [Fact]
    public void Apply_HalfThreshold_FlipsExactlyWhenTheDrawIsAtLeastHalf()
    {
        var draws = new RandomGenerator(5);
        var flipped = new HFlip(random: new RandomGenerator(5)).Apply(Enumerable.Range(0, 100).Select(_ => Images.Coded(2, 1)))
            .Select(image => image.Content[0] == Images.Code(1, 0, 0)).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => draws.Uniform() >= 0.5), flipped);
        Assert.InRange(flipped.Count(f => f), 30, 70);
    }

    [Fact]
    public void Clone_WithAGenerator_ForksItDeterministically()
    {
        List<bool> Decisions(Transformer<LabeledBGRImage, LabeledBGRImage> flip) =>
            [.. flip.Apply(Enumerable.Range(0, 64).Select(_ => Images.Coded(2, 1))).Select(i => i.Content[0] == Images.Code(1, 0, 0))];
        var a = new HFlip(random: new RandomGenerator(8)).Clone();
        var b = new HFlip(random: new RandomGenerator(8)).Clone();
        var original = new HFlip(random: new RandomGenerator(8));
        Assert.Equal(Decisions(a), Decisions(b));
        Assert.NotEqual(Decisions(original), Decisions(new HFlip(random: new RandomGenerator(8)).Clone()));
    }
}
