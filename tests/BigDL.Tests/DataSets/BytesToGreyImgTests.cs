using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class BytesToGreyImgTests
{
    [Fact]
    public void Apply_TwoRowsThreeColumns_DividesBy255RowByRowAndKeepsLabel()
    {
        var record = new ByteRecord([0, 51, 102, 153, 204, 255], 7f);
        var image = Assert.Single(new BytesToGreyImg(2, 3).Apply([record]));
        Assert.Equal(3, image.Width);
        Assert.Equal(2, image.Height);
        Assert.Equal(7f, image.Label);
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f], image.Content);
    }

    [Fact]
    public void Apply_EachRecord_GetsItsOwnImage()
    {
        var images = new BytesToGreyImg(1, 1).Apply([new ByteRecord([255], 0), new ByteRecord([0], 1)]).ToList();
        Assert.NotSame(images[0], images[1]);
        Assert.Equal(1f, images[0].Content[0]);
        Assert.Equal(0f, images[1].Content[0]);
    }

    [Fact]
    public void Apply_RecordOfWrongLength_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new BytesToGreyImg(2, 3).Apply([new ByteRecord(new byte[5], 0)]).ToList());
        Assert.Contains("6 bytes", e.Message);
        Assert.Contains("got 5 bytes", e.Message);
    }

    [Fact]
    public void Constructor_ZeroRows_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new BytesToGreyImg(0, 28));
}
