using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A minimal PNG encoder: 8-bit greyscale or RGB, no interlacing, every scanline unfiltered (filter type 0), the image
/// data one zlib stream. Enough for inline notebook images without an imaging library.
/// </summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/>, row by row, one byte per channel (grey, or red, green, blue).</summary>
    /// <param name="pixels">width × height × channels bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 (grey) or 3 (RGB).</param>
    /// <exception cref="ArgumentException">A size is below 1, the channel count is not 1 or 3, or the pixel count does not match.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "expected 1 (grey) or 3 (RGB) channels");
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
            throw new ArgumentException($"expected {expected} bytes for {width}×{height} pixels of {channels} channel(s), got {pixels.Length}", nameof(pixels));

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", Header(width, height, channels));
        WriteChunk(png, "IDAT", Compress(pixels, width * channels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Header(int width, int height, int channels)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                                   // bits per channel
        header[9] = (byte)(channels == 1 ? 0 : 2);       // colour type: greyscale or truecolour
        // compression 0 (deflate), filter method 0, interlace 0 (none): already zero
        return header;
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int rowBytes)
    {
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int offset = 0; offset < pixels.Length; offset += rowBytes)
            {
                zlib.WriteByte(0);                       // filter type None
                zlib.Write(pixels.Slice(offset, rowBytes));
            }
        }
        return data.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data)));
        png.Write(word);
    }
}
