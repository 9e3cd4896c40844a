using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BytesToBGRImgTests
{
    [Fact]
    public void Apply_RedGreenBluePlanes_InterleavesBlueGreenRedAndNormalises()
    {
        // Two pixels: red plane 10 20, green plane 30 40, blue plane 50 60.
        var record = new ByteRecord([10, 20, 30, 40, 50, 60], 3f);
        var image = Assert.Single(new BytesToBGRImg(2, 1, normalize: 10f).Apply([record]));
        Assert.Equal((2, 1, 3f), (image.Width, image.Height, image.Label));
        Assert.Equal([5f, 3f, 1f, 6f, 4f, 2f], image.Content);
    }

    [Fact]
    public void Apply_CifarSizedRecord_DefaultsTo32By32Over255()
    {
        var data = new byte[3072];
        data[0] = 255;
        var image = Assert.Single(new BytesToBGRImg().Apply([new ByteRecord(data, 0)]));
        Assert.Equal((32, 32), (image.Width, image.Height));
        Assert.Equal([0f, 0f, 1f], image.Content[..3]);
    }

    [Fact]
    public void Apply_RecordOfWrongLength_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new BytesToBGRImg(2, 2).Apply([new ByteRecord(new byte[11], 0)]).ToList());
        Assert.Contains("(12)", e.Message);
        Assert.Contains("got 11 bytes", e.Message);
    }
}
