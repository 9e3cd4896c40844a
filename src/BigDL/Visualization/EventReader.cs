namespace BigDL.Visualization;

/// <summary>
/// Reads TensorFlow event files back (BigDL's <c>FileReader</c>), checking both checksums of every record, which
/// BigDL's reader skipped. A truncated or corrupt file raises an <see cref="InvalidDataException"/> that names the
/// file and the byte offset of the bad record.
/// </summary>
internal static class EventReader
{
    /// <summary>
    /// Whether a file name is an event file's: it contains "tfevents", the test TensorBoard applies, which covers
    /// TensorFlow's names, ours and BigDL's (<c>bigdl.tfevents.…</c>).
    /// </summary>
    public static bool IsEventFile(string path) => Path.GetFileName(path).Contains("tfevents", StringComparison.Ordinal);

    /// <summary>
    /// The events of one file, in file order, read as the enumeration proceeds, up to the file's length when it is
    /// opened or <paramref name="length"/> bytes, whichever is less.
    /// </summary>
    /// <exception cref="InvalidDataException">A record is truncated, fails its checksum or is not an Event.</exception>
    public static IEnumerable<TensorFlowEvent> ReadEvents(string path, long length = long.MaxValue)
    {
        // FileShare.ReadWrite: a writer may still have the file open.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 64 * 1024);
        long end = Math.Min(stream.Length, length);
        var header = new byte[TFRecord.HeaderSize];
        var footer = new byte[TFRecord.FooterSize];
        byte[] payload = [];
        while (stream.Position < end)
        {
            long offset = stream.Position;
            var wanted = header.AsSpan(0, (int)Math.Min(header.Length, end - offset));
            int got = stream.ReadAtLeast(wanted, wanted.Length, throwOnEndOfStream: false);
            yield return ReadRecord(stream, end, path, offset, header.AsSpan(0, got), footer, ref payload);
        }
    }

    /// <summary>
    /// Every scalar tagged <paramref name="tag"/> in the event files under <paramref name="directory"/> (searched
    /// recursively, as BigDL), as (step, value, wall time) ordered by step; values of equal steps keep file order.
    /// </summary>
    /// <param name="directory">The folder to search.</param>
    /// <param name="tag">The tag to collect.</param>
    /// <param name="openFile">A file still being written in this process, read only up to the given length (its
    /// <see cref="EventWriter.BytesWritten"/>), so a record half-way through its write is never met.</param>
    /// <exception cref="InvalidDataException">An event file is truncated or corrupt.</exception>
    public static (long Step, float Value, double WallTime)[] ReadScalars(
        string directory, string tag, (string Path, long Length)? openFile = null)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsEventFile)
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
        string? openPath = openFile is { } open ? Path.GetFullPath(open.Path) : null;
        var scalars = new List<(long Step, float Value, double WallTime)>();
        foreach (string file in files)
        {
            long length = file == openPath ? openFile!.Value.Length : long.MaxValue;
            foreach (var e in ReadEvents(file, length))
            {
                if (e.Summary is null) continue;
                foreach (var v in e.Summary)
                {
                    if (v.SimpleValue is float value && v.Tag == tag) scalars.Add((e.Step, value, e.WallTime));
                }
            }
        }
        return [.. scalars.OrderBy(s => s.Step)];
    }

    private static TensorFlowEvent ReadRecord(
        FileStream stream, long end, string path, long offset, ReadOnlySpan<byte> header, byte[] footer, ref byte[] payload)
    {
        if (header.Length < TFRecord.HeaderSize)
            throw Bad(path, offset, $"truncated: the file ends {header.Length} bytes into the {TFRecord.HeaderSize}-byte record header");
        if (!TFRecord.TryReadHeader(header, out ulong length))
            throw Bad(path, offset, "corrupt: the checksum of the record length does not match");
        long left = end - stream.Position;
        if (length + TFRecord.FooterSize > (ulong)left)
            throw Bad(path, offset, $"truncated: the record holds {length} bytes and its checksum, but the file ends {left} bytes after the header");
        if (length > (ulong)Array.MaxLength)
            throw Bad(path, offset, $"too large to read: {length} bytes");
        if (payload.Length < (int)length) payload = new byte[(int)length];
        var data = payload.AsSpan(0, (int)length);
        if (stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length
            || stream.ReadAtLeast(footer, footer.Length, throwOnEndOfStream: false) < footer.Length)
            throw Bad(path, offset, "truncated: the file shrank while it was read");
        if (!TFRecord.FooterMatches(data, footer))
            throw Bad(path, offset, "corrupt: the checksum of the record data does not match");
        try
        {
            return EventCodec.Decode(data);
        }
        catch (InvalidDataException e)
        {
            throw Bad(path, offset, $"not an Event: {e.Message}", e);
        }
    }

    private static InvalidDataException Bad(string path, long offset, string problem, Exception? inner = null) =>
        new($"Event file '{path}': record at byte offset {offset} is {problem}", inner);
}
