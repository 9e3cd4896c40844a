using System.Diagnostics;
using System.Text;

namespace BigDL.Interactive.Tests.Formatting;

/// <summary>
/// An independent PNG decoder: Debian's Python 3 reading the file with nothing but its standard library (struct,
/// zlib.decompress, and zlib.crc32 checking every chunk), undoing all five PNG filter types. Tests using it fail, never
/// skip, when /usr/bin/python3 is missing.
/// </summary>
internal static class PythonPng
{
    private const string Python = "/usr/bin/python3";

    private const string Decoder = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'bad signature'
        pos, chunks = 8, []
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            crc, = struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])
            assert crc == zlib.crc32(kind + body) & 0xffffffff, 'crc mismatch in ' + kind.decode()
            chunks.append((kind, body))
            pos += 12 + length
        assert [k for k, _ in chunks][0] == b'IHDR' and chunks[-1] == (b'IEND', b''), 'chunk order'
        w, h, depth, colour, compression, filtering, interlace = struct.unpack('>IIBBBBB', chunks[0][1])
        assert (depth, compression, filtering, interlace) == (8, 0, 0, 0), 'header'
        channels = {0: 1, 2: 3}[colour]
        raw = zlib.decompress(b''.join(b for k, b in chunks if k == b'IDAT'))
        stride = w * channels
        assert len(raw) == h * (stride + 1), 'length'
        pixels, previous = bytearray(), bytearray(stride)
        for y in range(h):
            f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b = previous[x]
                c = previous[x - channels] if x >= channels else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                else: assert f == 0, 'filter'
            pixels += line
            previous = line
        print(w, h, channels, pixels.hex())
        """;

    /// <summary>Decodes <paramref name="png"/>, asserting the decoder accepted it.</summary>
    public static (int Width, int Height, int Channels, byte[] Pixels) Decode(byte[] png)
    {
        var (exit, stdout, stderr) = Run(png);
        Assert.True(exit == 0, $"the Python decoder exited with {exit}: {stderr}");
        string[] f = stdout.Trim().Split(' ');
        return (int.Parse(f[0]), int.Parse(f[1]), int.Parse(f[2]), Convert.FromHexString(f[3]));
    }

    /// <summary>Runs the decoder on <paramref name="png"/>: its exit code, output (<c>width height channels hex-pixels</c>) and errors.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(byte[] png)
    {
        string dir = Directory.CreateTempSubdirectory("bigdl-png-").FullName;
        try
        {
            string file = Path.Combine(dir, "image.png"), script = Path.Combine(dir, "decode.py");
            File.WriteAllBytes(file, png);
            File.WriteAllText(script, Decoder, Encoding.UTF8);
            using var process = Process.Start(new ProcessStartInfo(Python, [script, file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
