using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BGRImgRdmCropperTests
{
    [Fact]
    public void Apply_PaddingOne_DrawsLeftThenTopAndFillsOutsideWithZero()
    {
        var draws = new RandomGenerator(3);
        var cropper = new BGRImgRdmCropper(cropHeight: 2, cropWidth: 2, padding: 1, random: new RandomGenerator(3));
        var seen = new HashSet<(int, int)>();
        foreach (var patch in cropper.Apply(Enumerable.Range(0, 200).Select(_ => Images.Coded(2, 2, label: 1))))
        {
            // Padded to 4x4: a 2x2 patch fits at 3 columns and 3 rows, i.e. image coordinates -1…1.
            int left = (int)(draws.Uniform() * 3) - 1, top = (int)(draws.Uniform() * 3) - 1;
            seen.Add((left, top));
            Assert.Equal(1f, patch.Label);
            for (int y = 0; y < 2; y++)
                for (int x = 0; x < 2; x++)
                    for (int c = 0; c < 3; c++)
                    {
                        int sx = left + x, sy = top + y;
                        float expected = sx is >= 0 and < 2 && sy is >= 0 and < 2 ? Images.Code(sx, sy, c) : 0f;
                        Assert.Equal(expected, patch.Content[3 * (y * 2 + x) + c]);
                    }
        }
        Assert.Equal(9, seen.Count);
    }

    [Fact]
    public void Apply_NoPaddingPatchAsLargeAsImage_CopiesTheImage()
    {
        var image = Images.Coded(3, 2);
        var patch = Assert.Single(new BGRImgRdmCropper(2, 3, 0, new RandomGenerator(1)).Apply([image]));
        Assert.Equal(image.Content, patch.Content);
    }

    [Fact]
    public void Apply_PaddedImageSmallerThanPatch_ThrowsNamingSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new BGRImgRdmCropper(5, 5, 1).Apply([Images.Coded(2, 2)]).ToList());
        Assert.Contains("5x5", e.Message);
        Assert.Contains("4x4 padded", e.Message);
    }
}
