using System.Buffers.Binary;
using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class EventReaderTests
{
    [Fact]
    public void ReadScalars_SeveralFilesAndTags_GivesOneTagInStepOrderKeepingFileOrderOnTies()
    {
        using var temp = new TempDirectory();
        using (var a = new EventWriter(temp.Path, 1_000_000_000))
        {
            a.AddScalar("Loss", 3f, 30);
            a.AddScalar("Loss", 1f, 10);
            a.AddScalar("Other", 9f, 5);
        }
        using (var b = new EventWriter(Path.Combine(temp.Path, "nested"), 1_000_000_001))
        {
            b.AddScalar("Loss", 2f, 20);
            b.AddScalar("Loss", 1.5f, 10);
        }
        File.WriteAllText(Path.Combine(temp.Path, "notes.txt"), "not an event file");

        var scalars = EventReader.ReadScalars(temp.Path, "Loss");

        Assert.Equal([10L, 10L, 20L, 30L], scalars.Select(s => s.Step));
        Assert.Equal([1f, 1.5f, 2f, 3f], scalars.Select(s => s.Value));
        Assert.Empty(EventReader.ReadScalars(temp.Path, "Missing"));
    }

    [Fact]
    public void ReadScalars_SummaryWithSeveralValues_FindsTheTaggedOne()
    {
        using var temp = new TempDirectory();
        var e = new TensorFlowEvent(5.0, 3, null, [new SummaryValue("a", 1f), new SummaryValue("b", 2f)]);
        File.WriteAllBytes(Path.Combine(temp.Path, "x.tfevents.1"), TFRecord.Frame(EventCodec.Encode(e)));

        Assert.Equal([(3L, 2f, 5.0)], EventReader.ReadScalars(temp.Path, "b"));
    }

    [Fact]
    public void ReadEvents_TruncatedLastRecord_NamesFileAndRecordOffset()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long[] offsets = RecordOffsets(path);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length - 1);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains($"byte offset {offsets[3]} ", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ReadEvents_FileEndingInsideAHeader_NamesFileAndRecordOffset()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long[] offsets = RecordOffsets(path);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(offsets[2] + 5);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains($"byte offset {offsets[2]} ", e.Message);
        Assert.Contains("ends 5 bytes into the 12-byte record header", e.Message);
    }

    [Fact]
    public void ReadEvents_CorruptData_NamesFileAndRecordOffset()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long[] offsets = RecordOffsets(path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offsets[2] + 14] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains($"byte offset {offsets[2]} ", e.Message);
        Assert.Contains("checksum of the record data does not match", e.Message);
    }

    [Fact]
    public void ReadEvents_CorruptLength_NamesFileAndRecordOffset()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long[] offsets = RecordOffsets(path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offsets[1]] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains($"byte offset {offsets[1]} ", e.Message);
        Assert.Contains("checksum of the record length does not match", e.Message);
    }

    [Fact]
    public void ReadEvents_ValidRecordThatIsNoEvent_NamesFileAndRecordOffset()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long end = new FileInfo(path).Length;
        using (var f = new FileStream(path, FileMode.Append)) f.Write(TFRecord.Frame([0x10, 0x80]));

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains($"byte offset {end} is not an Event: malformed protobuf: truncated varint at byte 1", e.Message);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void ReadScalars_CorruptFileAmongGoodOnes_NamesTheCorruptFile()
    {
        using var temp = new TempDirectory();
        WriteThreeScalars(Path.Combine(temp.Path, "good"));
        string bad = WriteThreeScalars(Path.Combine(temp.Path, "bad"));
        using (var f = new FileStream(bad, FileMode.Open)) f.SetLength(f.Length - 3);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadScalars(temp.Path, "Loss"));
        Assert.Contains(bad, e.Message);
    }

    [Fact]
    public void ReadEvents_LengthAtARecordEnd_StopsThereIgnoringLaterBytes()
    {
        using var temp = new TempDirectory();
        string path = WriteThreeScalars(temp.Path);
        long[] offsets = RecordOffsets(path);
        using (var f = new FileStream(path, FileMode.Append)) f.Write([1, 2, 3]);   // as if a record were half-written

        Assert.Equal([0L, 1L], EventReader.ReadEvents(path, offsets[2]).Select(e => e.Step));
        Assert.Throws<InvalidDataException>(() => EventReader.ReadEvents(path).ToList());
    }

    [Fact]
    public void ReadScalars_OpenFileLength_LimitsOnlyThatFile()
    {
        using var temp = new TempDirectory();
        string other = WriteThreeScalars(Path.Combine(temp.Path, "a"));
        using var open = new EventWriter(Path.Combine(temp.Path, "b"));
        open.AddScalar("Loss", 7f, 7);
        long written = open.BytesWritten;
        open.AddScalar("Loss", 8f, 8);

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, open.FilePath);
        var scalars = EventReader.ReadScalars(temp.Path, "Loss", (relative, written));

        Assert.Equal([1L, 2L, 3L, 7L], scalars.Select(s => s.Step));
        Assert.Equal(new FileInfo(open.FilePath).Length, open.BytesWritten);
        Assert.Equal(3, EventReader.ReadScalars(Path.GetDirectoryName(other)!, "Loss").Length);
    }

    private static string WriteThreeScalars(string dir)
    {
        using var writer = new EventWriter(dir);
        for (int i = 1; i <= 3; i++) writer.AddScalar("Loss", 1f / i, i);
        return writer.FilePath;
    }

    // Record starts found from the length fields alone, independently of the reader under test.
    private static long[] RecordOffsets(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var offsets = new List<long>();
        for (long at = 0; at < bytes.Length; at += 16 + (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)at)))
            offsets.Add(at);
        return [.. offsets];
    }
}
