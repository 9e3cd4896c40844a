using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class GreyImgToBatchTests
{
    private static LabeledGreyImage Image(int i) => Images.Grey(3, 2, i % 10, [.. Enumerable.Range(0, 6).Select(j => 10f * i + j)]);

    [Fact]
    public void Apply_FiveImagesInTwos_GivesHeightByWidthRowsAndZeroBasedLabels()
    {
        var batches = new GreyImgToBatch<float>(2).Apply(Enumerable.Range(0, 5).Select(Image))
            .Select(b => (Size: b.Size, Input: b.Input.Size(), First: b.Input[0, 1, 2], Labels: b.Target.Clone()))
            .ToList();
        Assert.Equal([2, 2, 1], batches.Select(b => b.Size));
        Assert.Equal([2, 2, 3], batches[0].Input);
        Assert.Equal([1, 2, 3], batches[2].Input);
        Assert.Equal([5f, 25f, 45f], batches.Select(b => b.First));
        Assert.Equal([0f, 1f], batches[0].Labels.AsSpan().ToArray());
        Assert.Equal([4f], batches[2].Labels.AsSpan().ToArray());
    }

    [Fact]
    public void Apply_Batches_AlternateBetweenTwoReusedTensors()
    {
        var batches = new GreyImgToBatch<double>(1).Apply(Enumerable.Range(0, 3).Select(Image)).ToList();
        Assert.NotSame(batches[0].Input, batches[1].Input);
        Assert.Same(batches[0].Input, batches[2].Input);
        Assert.Same(batches[0].Target, batches[2].Target);
        Assert.Equal(25.0, batches[2].Input[0, 1, 2]);
    }

    [Fact]
    public void Apply_ImageOfOtherSize_ThrowsNamingBothSizes()
    {
        var images = new[] { Image(0), Images.Grey(2, 2, 0, 0f, 0f, 0f, 0f) };
        var e = Assert.Throws<ArgumentException>(() => new GreyImgToBatch<float>(2).Apply(images).ToList());
        Assert.Contains("2x2", e.Message);
        Assert.Contains("3x2", e.Message);
    }
}
