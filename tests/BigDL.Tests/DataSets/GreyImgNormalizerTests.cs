using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class GreyImgNormalizerTests
{
    [Fact]
    public void Apply_SubtractsMeanDividesByStdInPlace()
    {
        var image = Images.Grey(3, 1, 2f, 0f, 0.5f, 1f);
        var result = Assert.Single(new GreyImgNormalizer(0.5, 0.25).Apply([image]));
        Assert.Same(image, result);
        Assert.Equal([-2f, 0f, 2f], result.Content);
        Assert.Equal(2f, result.Label);
    }

    [Fact]
    public void FromDataSet_ImagesOfTwoSizes_GivesMeanAndPopulationStdOfAllPixels()
    {
        // Pixels 0…5: mean 2.5, population variance (6.25 + 2.25 + 0.25 + 0.25 + 2.25 + 6.25) / 6 = 17.5 / 6.
        var data = DataSet.Array([Images.Grey(2, 1, 0, 0f, 1f), Images.Grey(2, 2, 0, 2f, 3f, 4f, 5f)], seed: 1);
        var normalizer = GreyImgNormalizer.FromDataSet(data);
        Assert.Equal(2.5, normalizer.Mean, 12);
        Assert.Equal(Math.Sqrt(17.5 / 6), normalizer.Std, 12);
    }

    [Fact]
    public void FromDataSet_Samples_UsesOnlyTheFirstImagesInStoredOrder()
    {
        var data = DataSet.Array([Images.Grey(2, 1, 0, 0f, 1f), Images.Grey(2, 1, 0, 10f, 30f)], seed: 1);
        data.Shuffle(1);
        var normalizer = GreyImgNormalizer.FromDataSet(data, samples: 1);
        Assert.Equal(0.5, normalizer.Mean, 12);
        Assert.Equal(0.5, normalizer.Std, 12);
    }

    [Fact]
    public void FromDataSet_AllPixelsEqual_ThrowsSayingStdIsZero()
    {
        var e = Assert.Throws<ArgumentException>(() => GreyImgNormalizer.FromDataSet(DataSet.Array([Images.Grey(2, 1, 0, 3f, 3f)], seed: 1)));
        Assert.Contains("standard deviation is 0", e.Message);
    }

    [Fact]
    public void Constructor_ZeroStd_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new GreyImgNormalizer(0, 0));
}
