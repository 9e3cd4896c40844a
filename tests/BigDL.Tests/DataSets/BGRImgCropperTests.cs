using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BGRImgCropperTests
{
    private static void AssertPatch(LabeledBGRImage patch, int left, int top)
    {
        for (int y = 0; y < patch.Height; y++)
            for (int x = 0; x < patch.Width; x++)
                for (int c = 0; c < 3; c++)
                    Assert.Equal(Images.Code(left + x, top + y, c), patch.Content[3 * (y * patch.Width + x) + c]);
    }

    [Fact]
    public void Apply_Center_TakesTheMiddleRoundedTowardsTopLeft()
    {
        var patch = Assert.Single(new BGRImgCropper(2, 2, CropperMethod.Center).Apply([Images.Coded(5, 3, label: 4)]));
        Assert.Equal((2, 2, 4f), (patch.Width, patch.Height, patch.Label));
        AssertPatch(patch, left: 1, top: 0);
    }

    [Fact]
    public void Apply_Random_DrawsTopThenLeftUniformlyOverEveryFittingPosition()
    {
        var draws = new RandomGenerator(11);
        var cropper = new BGRImgCropper(2, 1, CropperMethod.Random, new RandomGenerator(11));
        var seen = new HashSet<(int, int)>();
        foreach (var patch in cropper.Apply(Enumerable.Range(0, 200).Select(_ => Images.Coded(4, 3))))
        {
            int top = (int)(draws.Uniform() * 3), left = (int)(draws.Uniform() * 3);
            AssertPatch(patch, left, top);
            seen.Add((left, top));
        }
        Assert.Equal(9, seen.Count);
    }

    [Fact]
    public void Apply_PatchAsLargeAsImage_CopiesTheImage()
    {
        var patch = Assert.Single(new BGRImgCropper(3, 2, random: new RandomGenerator(1)).Apply([Images.Coded(3, 2)]));
        AssertPatch(patch, 0, 0);
    }

    [Fact]
    public void Apply_ImageSmallerThanPatch_ThrowsNamingBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new BGRImgCropper(4, 4).Apply([Images.Coded(3, 5)]).ToList());
        Assert.Contains("4x4", e.Message);
        Assert.Contains("3x5", e.Message);
    }
}
