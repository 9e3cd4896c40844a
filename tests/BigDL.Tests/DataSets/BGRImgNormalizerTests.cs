using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BGRImgNormalizerTests
{
    [Fact]
    public void Apply_PerChannelMeanAndStd_InPlace()
    {
        var image = Images.Bgr(1, 1, 1f, 2f, 3f);
        var result = Assert.Single(new BGRImgNormalizer(meanR: 1, meanG: 2, meanB: 3, stdR: 2, stdG: 4, stdB: 1).Apply([image]));
        Assert.Same(image, result);
        Assert.Equal([-2f, 0f, 1f], result.Content);
    }

    [Fact]
    public void FromDataSet_TwoImages_GivesEachChannelsMeanAndStd()
    {
        // Blue 0, 2 (mean 1, std 1); green 1, 3 (2, 1); red 4, 8 (6, 2).
        var data = DataSet.Array([Images.Bgr(1, 1, 0f, 1f, 4f), Images.Bgr(1, 1, 2f, 3f, 8f)], seed: 1);
        var n = BGRImgNormalizer.FromDataSet(data);
        Assert.Equal([6.0, 2.0, 1.0, 2.0, 1.0, 1.0], new[] { n.MeanR, n.MeanG, n.MeanB, n.StdR, n.StdG, n.StdB });
    }

    [Fact]
    public void FromDataSet_ConstantChannel_ThrowsNamingTheChannel()
    {
        var data = DataSet.Array([Images.Bgr(1, 1, 0f, 5f, 4f), Images.Bgr(1, 1, 2f, 5f, 8f)], seed: 1);
        var e = Assert.Throws<ArgumentException>(() => BGRImgNormalizer.FromDataSet(data));
        Assert.Contains("channel 1 is 5", e.Message);
    }
}
