using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BGRImgToBatchTests
{
    // Two pixels: (B, G, R) = (1, 2, 3) and (4, 5, 6).
    private static LabeledBGRImage Image(float label) { var i = Images.Bgr(2, 1, 1f, 2f, 3f, 4f, 5f, 6f); i.Label = label; return i; }

    [Fact]
    public void Apply_ToRGB_GivesRedGreenBluePlanes()
    {
        var batch = Assert.Single(new BGRImgToBatch<float>(4).Apply([Image(7)]));
        Assert.Equal([1, 3, 1, 2], batch.Input.Size());
        Assert.Equal([3f, 6f, 2f, 5f, 1f, 4f], batch.Input.AsSpan().ToArray());
        Assert.Equal([7f], batch.Target.AsSpan().ToArray());
    }

    [Fact]
    public void Apply_NotToRGB_GivesBlueGreenRedPlanes()
    {
        var batch = Assert.Single(new BGRImgToBatch<double>(4, toRGB: false).Apply([Image(0)]));
        Assert.Equal([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], batch.Input.AsSpan().ToArray());
    }

    [Fact]
    public void Apply_ThreeImagesInTwos_LastBatchHoldsTheRest()
    {
        var batches = new BGRImgToBatch<float>(2).Apply([Image(0), Image(1), Image(2)])
            .Select(b => (b.Input.Size(), b.Target.AsSpan().ToArray())).ToList();
        Assert.Equal([2, 3, 1, 2], batches[0].Item1);
        Assert.Equal([1, 3, 1, 2], batches[1].Item1);
        Assert.Equal([0f, 1f], batches[0].Item2);
        Assert.Equal([2f], batches[1].Item2);
    }

    [Fact]
    public void Apply_ImageOfOtherSize_ThrowsNamingBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new BGRImgToBatch<float>(2).Apply([Image(0), Images.Coded(1, 1)]).ToList());
        Assert.Contains("1x1", e.Message);
        Assert.Contains("2x1", e.Message);
    }
}
