using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public sealed class Cifar10Tests : IDisposable
{
    private readonly DataFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Training files of 2, 1, 1, 1 and 2 records; record r of file f is labelled (f + r) mod 10.</summary>
    private string WriteTrain(bool gzip = false)
    {
        int[] counts = [2, 1, 1, 1, 2];
        for (int f = 0; f < 5; f++)
        {
            var labels = Enumerable.Range(0, counts[f]).Select(r => (byte)((f + r) % 10)).ToArray();
            _files.Write($"data_batch_{f + 1}.bin" + (gzip ? ".gz" : ""), DataFiles.CifarRecords(labels), gzip);
        }
        return _files.Folder;
    }

    private static void AssertTrainRecords(IReadOnlyList<ByteRecord> records)
    {
        Assert.Equal([0f, 1f, 1f, 2f, 3f, 4f, 5f], records.Select(r => r.Label));
        int[] indexInFile = [0, 1, 0, 0, 0, 0, 1];
        for (int i = 0; i < records.Count; i++)
            Assert.Equal(Enumerable.Range(0, 3072).Select(j => DataFiles.CifarByte(indexInFile[i], j)), records[i].Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_FiveTrainingFiles_GivesPlanarBytesAndZeroBasedLabelsInFileOrder(bool gzip) =>
        AssertTrainRecords(Cifar10.Load(WriteTrain(gzip), Split.Train));

    [Fact]
    public void Load_Test_ReadsTestBatch()
    {
        _files.Write("test_batch.bin", DataFiles.CifarRecords(9, 0));
        Assert.Equal([9f, 0f], Cifar10.Load(_files.Folder, Split.Test).Select(r => r.Label));
    }

    [Fact]
    public void Load_ThenBytesToBGRImg_GivesInterleavedBlueGreenRed()
    {
        _files.Write("test_batch.bin", DataFiles.CifarRecords(3));
        var image = Assert.Single(new BytesToBGRImg().Apply(Cifar10.Load(_files.Folder, Split.Test)));
        // Pixel 5: red byte 5, green byte 1024 + 5, blue byte 2048 + 5 of the planes.
        Assert.Equal(DataFiles.CifarByte(0, 2048 + 5) / 255f, image.Content[15]);
        Assert.Equal(DataFiles.CifarByte(0, 1024 + 5) / 255f, image.Content[16]);
        Assert.Equal(DataFiles.CifarByte(0, 5) / 255f, image.Content[17]);
        Assert.Equal(3f, image.Label);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsNamingFileAndTheLastRecordsOffset()
    {
        string path = _files.Write("test_batch.bin", DataFiles.CifarRecords(1, 2)[..^100]);
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Load(_files.Folder, Split.Test));
        Assert.Contains($"{path}, byte offset 3073:", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Load_TruncatedGzipFile_NamesTheDecompressedOffset()
    {
        string path = _files.Write("test_batch.bin.gz", DataFiles.CifarRecords(1, 2)[..^100], gzip: true);
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Load(_files.Folder, Split.Test));
        Assert.Contains($"{path}, byte offset {2 * 3073 - 100} of its decompressed content:", e.Message);
    }

    [Fact]
    public void Load_LabelOutOfRange_ThrowsNamingFileAndRecordOffset()
    {
        string path = _files.Write("test_batch.bin", DataFiles.CifarRecords(1, 10));
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Load(_files.Folder, Split.Test));
        Assert.Contains($"{path}, byte offset 3073: label 10 is outside 0..9", e.Message);
    }

    [Fact]
    public void Load_EmptyFile_Throws()
    {
        _files.Write("test_batch.bin", []);
        Assert.Contains("byte offset 0: the file is empty", Assert.Throws<InvalidDataException>(() => Cifar10.Load(_files.Folder, Split.Test)).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_FiveFiles_GivesTheRecordsOfLoadAcrossFiles(bool gzip)
    {
        var data = Cifar10.Open(WriteTrain(gzip), Split.Train, _files.Cache, seed: 3);
        Assert.Equal(7, data.Size);
        AssertTrainRecords(data.Data(train: false).ToList());
        data.Shuffle(1);
        var shuffled = data.Data(train: true).Select(r => r.Label).ToList();
        Assert.Equal([0f, 1f, 1f, 2f, 3f, 4f, 5f], shuffled.Order());
    }

    [Fact]
    public void Open_ReadsOneRecordAtATimeByPosition()
    {
        var data = (FileRecordDataSet)Cifar10.Open(WriteTrain(), Split.Train, seed: 3);
        Assert.Equal(0, data.BytesRead);
        Assert.Equal(4f, data.Data(train: false).Skip(5).First().Label);
        Assert.Equal(6 * 3073, data.BytesRead);
    }

    [Fact]
    public void Open_TruncatedFile_ThrowsWhenMade()
    {
        WriteTrain();
        string path = _files.Write("data_batch_3.bin", new byte[3073 + 5]);
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Open(_files.Folder, Split.Train));
        Assert.Contains($"{path}, byte offset 3073:", e.Message);
    }

    [Fact]
    public void Open_LabelOutOfRange_ThrowsNamingFileAndOffsetWhenTheRecordIsRead()
    {
        WriteTrain();
        string path = _files.Write("data_batch_5.bin", DataFiles.CifarRecords(0, 77));
        var data = Cifar10.Open(_files.Folder, Split.Train, seed: 1);
        Assert.Equal(6, data.Data(train: false).Take(6).Count());
        var e = Assert.Throws<InvalidDataException>(() => data.Data(train: false).ToList());
        Assert.Contains($"{path}, byte offset 3073: label 77", e.Message);
    }
}
