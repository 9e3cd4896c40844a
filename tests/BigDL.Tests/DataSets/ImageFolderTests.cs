using BigDL.DataSets;
using SkiaSharp;

namespace BigDL.Tests.DataSets;

public sealed class ImageFolderTests : IDisposable
{
    private readonly DataFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Writes a width×height image whose pixel (x, y) has red 10·x, green 20·y + 1, blue 30.</summary>
    private string WriteImage(string name, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) bitmap.SetPixel(x, y, Colour(x, y));
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 100);
        return _files.Write(name, encoded.ToArray());
    }

    private static SKColor Colour(int x, int y) => new((byte)(10 * x), (byte)(20 * y + 1), 30);

    private static void AssertColours(LabeledBGRImage image, int tolerance)
    {
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
            {
                var c = Colour(x, y);
                int p = 3 * (y * image.Width + x);
                Assert.InRange(image.Content[p] * 255, c.Blue - tolerance - 1e-3, c.Blue + tolerance + 1e-3);
                Assert.InRange(image.Content[p + 1] * 255, c.Green - tolerance - 1e-3, c.Green + tolerance + 1e-3);
                Assert.InRange(image.Content[p + 2] * 255, c.Red - tolerance - 1e-3, c.Red + tolerance + 1e-3);
            }
    }

    [Fact]
    public void Constructor_SubFolders_AreClassesInOrdinalOrder()
    {
        WriteImage("cat/1.png", 2, 2);
        WriteImage("Zebra/1.png", 2, 2);
        WriteImage("ant/2.PNG", 2, 2);
        WriteImage("ant/1.jpg", 8, 8, SKEncodedImageFormat.Jpeg);
        _files.Write("ant/notes.txt", [1, 2, 3]);
        WriteImage(".ipynb_checkpoints/1.png", 2, 2);
        var folder = new ImageFolder(_files.Folder, seed: 1);
        Assert.Equal(["Zebra", "ant", "cat"], folder.Classes);
        Assert.Equal(4, folder.Size);
        Assert.Equal(["Zebra/1.png", "ant/1.jpg", "ant/2.PNG", "cat/1.png"], folder.Files.Select(f => Path.GetRelativePath(_files.Folder, f.Path)));
        Assert.Equal([0, 1, 1, 2], folder.Files.Select(f => f.Label));
    }

    [Fact]
    public void Data_Png_DecodesExactlyToInterleavedBlueGreenRedOver255()
    {
        WriteImage("a/wide.png", 3, 2);
        var image = Assert.Single(new ImageFolder(_files.Folder, seed: 1).Data(train: false));
        Assert.Equal((3, 2, 0f), (image.Width, image.Height, image.Label));
        AssertColours(image, tolerance: 0);
        Assert.Equal(20f / 255, image.Content[3 * 2 + 2]);
    }

    [Fact]
    public void Data_Jpeg_DecodesCloseToTheColoursWritten()
    {
        WriteImage("a/b.jpeg", 8, 8, SKEncodedImageFormat.Jpeg);
        AssertColours(new ImageFolder(_files.Folder, seed: 1).Load()[0], tolerance: 12);
    }

    [Fact]
    public void Data_Shuffled_GivesEveryImageOnceWithItsLabel()
    {
        for (int i = 0; i < 6; i++) WriteImage($"c{i % 3}/{i}.png", 1 + i, 1);
        var folder = new ImageFolder(_files.Folder, seed: 4);
        folder.Shuffle(1);
        var images = folder.Data(train: true).Select(img => (img.Width, img.Label)).ToList();
        Assert.Equal([(1, 0f), (2, 1f), (3, 2f), (4, 0f), (5, 1f), (6, 2f)], images.OrderBy(i => i.Width));
        Assert.NotEqual(images.OrderBy(i => i.Width), images);
    }

    [Fact]
    public void Data_NotAnImage_ThrowsNamingFileAndOffsetZero()
    {
        string path = _files.Write("a/bad.png", [0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9]);
        var e = Assert.Throws<InvalidDataException>(() => new ImageFolder(_files.Folder).Load());
        Assert.Contains($"{path}, byte offset 0:", e.Message);
        Assert.Contains("504B0304", e.Message);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Decode_TruncatedFile_ThrowsNamingFileAndWhereItEnds(SKEncodedImageFormat format)
    {
        string path = WriteImage("a/cut.img", 64, 64, format);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Decode(path));
        Assert.Contains($"{path}, byte offset {bytes.Length / 2}:", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Constructor_NoClassFolders_ThrowsNamingTheFolder()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageFolder(_files.Folder));
        Assert.Contains(_files.Folder, e.Message);
    }

    [Fact]
    public void Constructor_MissingFolder_Throws() =>
        Assert.Throws<DirectoryNotFoundException>(() => new ImageFolder(_files.PathOf("nowhere")));
}
