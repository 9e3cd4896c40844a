using System.IO.Compression;

namespace BigDL.DataSets;

/// <summary>
/// Sequential reading of a data file that may be gzip-compressed (found by its first two bytes, 1f 8b), counting the
/// bytes of content read so errors can name their offset.
/// </summary>
internal sealed class RecordSource : IDisposable
{
    private readonly FileStream _file;
    private readonly Stream _content;
    private readonly bool _gzip;

    private RecordSource(string path, FileStream file, bool gzip, bool decompressed)
    {
        Path = path;
        _file = file;
        _gzip = gzip;
        Decompressed = decompressed;
        _content = gzip ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
        Length = gzip ? null : file.Length;
    }

    /// <summary>The file, as the user named it.</summary>
    public string Path { get; }

    /// <summary>True when offsets count bytes of decompressed content (the file is gzip data, or a decompressed copy of it).</summary>
    public bool Decompressed { get; }

    /// <summary>The content's length when known in advance (uncompressed files).</summary>
    public long? Length { get; }

    /// <summary>Bytes of content read so far: the offset of the next byte.</summary>
    public long Position { get; private set; }

    /// <summary>Opens <paramref name="path"/>, decompressing it when it starts with gzip's magic bytes.</summary>
    public static RecordSource Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            bool gzip = IsGzip(file);
            return new RecordSource(path, file, gzip, gzip);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens the uncompressed bytes of <paramref name="raw"/>; errors name its source.</summary>
    public static RecordSource Open(RawFile raw)
    {
        var file = new FileStream(raw.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new RecordSource(raw.Source, file, gzip: false, raw.Decompressed);
    }

    /// <summary>True when <paramref name="path"/> starts with gzip's magic bytes 1f 8b.</summary>
    public static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        return IsGzip(file);
    }

    /// <summary>Fills <paramref name="buffer"/>, returning fewer bytes only where the content ends.</summary>
    /// <exception cref="InvalidDataException">The gzip data is corrupt (names the file and the compressed offset).</exception>
    public int Read(Span<byte> buffer)
    {
        int done = 0;
        try
        {
            while (done < buffer.Length)
            {
                int n = _content.Read(buffer[done..]);
                if (n == 0) break;
                done += n;
            }
        }
        catch (InvalidDataException e) when (_gzip)
        {
            throw new InvalidDataException(
                $"{Path}, byte offset {_file.Position} of the compressed file (decompressed offset {Position + done}): " +
                $"the gzip data read up to here is corrupt ({e.Message})", e);
        }
        Position += done;
        return done;
    }

    /// <summary>Reads exactly <paramref name="buffer"/>'s length, or throws naming where the content ended and <paramref name="what"/> was expected.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        long start = Position;
        int n = Read(buffer);
        if (n < buffer.Length)
            throw Error(start + n, $"the content ends here, {buffer.Length - n} bytes short of {what} (which started at byte offset {start})");
    }

    /// <summary>Throws unless the content has ended, i.e. holds nothing after <paramref name="what"/>.</summary>
    public void ExpectEnd(string what)
    {
        Span<byte> probe = stackalloc byte[4096];
        long start = Position;
        long extra = 0;
        for (int n; (n = Read(probe)) > 0;) extra += n;
        if (extra > 0) throw Error(start, $"{extra} bytes follow {what}");
    }

    /// <summary>An error at byte <paramref name="offset"/> of this file's content.</summary>
    public InvalidDataException Error(long offset, string problem) => DataFileError.At(Path, offset, Decompressed, problem);

    /// <inheritdoc/>
    public void Dispose()
    {
        _content.Dispose();
        _file.Dispose();
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = file.Read(magic);
        if (n == 1) n += file.Read(magic[1..]);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
