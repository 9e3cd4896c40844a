using BigDL.Interactive.Formatting;

namespace BigDL.Interactive.Tests.Formatting;

/// <summary>Our PNG encoder and CRC-32, the encoder checked by an independent decoder (<see cref="PythonPng"/>).</summary>
public class PngTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(28, 28, 1)]
    [InlineData(7, 3, 1)]
    [InlineData(32, 32, 3)]
    [InlineData(5, 9, 3)]
    public void Encode_DecodedByPython_GivesBackEveryPixel(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        new Random(width * 31 + height * 7 + channels).NextBytes(pixels);

        var (w, h, c, decoded) = PythonPng.Decode(Png.Encode(pixels, width, height, channels));

        Assert.Equal((width, height, channels), (w, h, c));
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void Encode_CorruptedByte_IsCaughtByThePythonDecodersCrc()
    {
        // Shows the oracle checks CRCs: without this, a wrong checksum of ours could pass unnoticed.
        var png = Png.Encode([1, 2, 3, 4], 2, 2, 1);
        png[20] ^= 0x01; // inside IHDR's width/height

        var (exit, _, stderr) = PythonPng.Run(png);

        Assert.NotEqual(0, exit);
        Assert.Contains("crc mismatch in IHDR", stderr);
    }

    [Fact]
    public void Crc32_CheckValue_MatchesTheStandard()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Encode_WrongPixelCount_ThrowsNamingExpectedAndActual()
    {
        var e = Assert.Throws<ArgumentException>(() => Png.Encode(new byte[10], 2, 2, 3));

        Assert.Equal("pixels", e.ParamName);
        Assert.Contains("expected 12 bytes", e.Message);
        Assert.Contains("got 10", e.Message);
    }

    [Fact]
    public void Encode_TwoChannels_IsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Png.Encode(new byte[8], 2, 2, 2));

        Assert.Equal("channels", e.ParamName);
    }
}
