using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public sealed class MnistTests : IDisposable
{
    private readonly DataFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Three 2x3 images labelled 0, 9, 4 under the standard training names.</summary>
    private string WriteTrain(bool gzip = false, byte[]? images = null, byte[]? labels = null)
    {
        string suffix = gzip ? ".gz" : "";
        _files.Write("train-images-idx3-ubyte" + suffix, images ?? DataFiles.IdxImages(3, 2, 3), gzip);
        _files.Write("train-labels-idx1-ubyte" + suffix, labels ?? DataFiles.IdxLabels(0, 9, 4), gzip);
        return _files.Folder;
    }

    private static void AssertTrainRecords(IReadOnlyList<ByteRecord> records)
    {
        Assert.Equal(3, records.Count);
        Assert.Equal([0f, 9f, 4f], records.Select(r => r.Label));
        for (int i = 0; i < 3; i++) Assert.Equal(Enumerable.Range(0, 6).Select(j => DataFiles.Pixel(i, j)), records[i].Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_RawOrGzip_GivesEveryImageRowByRowWithZeroBasedLabels(bool gzip) =>
        AssertTrainRecords(Mnist.Load(WriteTrain(gzip), Split.Train));

    [Fact]
    public void Load_GzipDataUnderARawName_IsDetectedByItsHeader()
    {
        _files.Write("train-images-idx3-ubyte", DataFiles.IdxImages(3, 2, 3), gzip: true);
        _files.Write("train-labels-idx1-ubyte", DataFiles.IdxLabels(0, 9, 4));
        AssertTrainRecords(Mnist.Load(_files.Folder, Split.Train));
    }

    [Fact]
    public void Files_TestSplitMissing_ThrowsListingTheNamesTried()
    {
        WriteTrain();
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Files(_files.Folder, Split.Test));
        Assert.Contains("t10k-images-idx3-ubyte.gz", e.Message);
    }

    [Fact]
    public void Load_ImagesMagicWrong_ThrowsNamingFileOffsetAndMagic()
    {
        string folder = WriteTrain(images: DataFiles.IdxImages(3, 2, 3, magic: 2049));
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder, Split.Train));
        Assert.Contains(_files.PathOf("train-images-idx3-ubyte") + ", byte offset 0:", e.Message);
        Assert.Contains("magic number 2049", e.Message);
        Assert.Contains("labels file", e.Message);
    }

    [Fact]
    public void Load_ImagesTruncated_ThrowsNamingWhereTheFileEnds()
    {
        var images = DataFiles.IdxImages(3, 2, 3)[..^4];
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(images: images), Split.Train));
        Assert.Contains($"train-images-idx3-ubyte, byte offset {images.Length}:", e.Message);
        Assert.Contains("3 images of 2x3", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Load_GzipOfTruncatedImages_NamesTheOffsetOfTheDecompressedContent()
    {
        var images = DataFiles.IdxImages(3, 2, 3)[..^4];
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(gzip: true, images: images), Split.Train));
        Assert.Contains($"train-images-idx3-ubyte.gz, byte offset {images.Length} of its decompressed content:", e.Message);
    }

    [Fact]
    public void Load_GzipFileCutShort_ThrowsNamingTheFileAndAnOffset()
    {
        string folder = WriteTrain(gzip: true, images: DataFiles.IdxImages(200, 28, 28));
        string path = _files.PathOf("train-images-idx3-ubyte.gz");
        var compressed = File.ReadAllBytes(path);
        File.WriteAllBytes(path, compressed[..(compressed.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder, Split.Train));
        Assert.Contains(path + ", byte offset ", e.Message);
    }

    [Fact]
    public void Load_BytesAfterTheLastImage_ThrowsNamingWhereTheyStart()
    {
        var images = DataFiles.IdxImages(3, 2, 3).Concat(new byte[5]).ToArray();
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(images: images), Split.Train));
        Assert.Contains("byte offset 34:", e.Message);
        Assert.Contains("5 bytes follow", e.Message);
    }

    [Fact]
    public void Load_LabelOutOfRange_ThrowsNamingLabelsFileAndOffset()
    {
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(labels: DataFiles.IdxLabels(0, 10, 4)), Split.Train));
        Assert.Contains("train-labels-idx1-ubyte, byte offset 9:", e.Message);
        Assert.Contains("label 10 of record 1 is outside 0..9", e.Message);
    }

    [Fact]
    public void Load_CountsDiffer_ThrowsNamingBothFiles()
    {
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(labels: DataFiles.IdxLabels(0, 9)), Split.Train));
        Assert.Contains("train-images-idx3-ubyte, byte offset 4: the header announces 3 images", e.Message);
        Assert.Contains("train-labels-idx1-ubyte (byte offset 4) announces 2 labels", e.Message);
    }

    [Fact]
    public void Load_LabelsHeaderTruncated_ThrowsNamingOffset()
    {
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(WriteTrain(labels: [0, 0, 8]), Split.Train));
        Assert.Contains("train-labels-idx1-ubyte, byte offset 3:", e.Message);
        Assert.Contains("header", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_RawOrGzip_GivesTheRecordsOfLoad(bool gzip)
    {
        var data = Mnist.Open(WriteTrain(gzip), Split.Train, cacheFolder: _files.Cache, seed: 1);
        Assert.Equal(3, data.Size);
        AssertTrainRecords(data.Data(train: false).ToList());
    }

    [Fact]
    public void Open_Shuffle_IsAPermutationFixedBySeedAndEpoch()
    {
        string folder = WriteTrain(images: DataFiles.IdxImages(50, 2, 3), labels: DataFiles.IdxLabels([.. Enumerable.Range(0, 50).Select(i => (byte)(i % 10))]));
        var a = Mnist.Open(folder, Split.Train, seed: 7);
        var b = Mnist.Open(folder, Split.Train, seed: 7);
        a.Shuffle(2);
        b.Shuffle(2);
        var order = a.Data(train: true).Select(r => r.Data[0]).ToList();
        Assert.Equal(order, b.Data(train: true).Select(r => r.Data[0]));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => DataFiles.Pixel(i, 0)).Order(), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => DataFiles.Pixel(i, 0)), order);
    }

    [Fact]
    public void Open_Gzip_DecompressesOnceIntoTheCacheFolderAndReusesTheCopy()
    {
        string folder = WriteTrain(gzip: true);
        var first = (FileRecordDataSet)Mnist.Open(folder, Split.Train, cacheFolder: _files.Cache, seed: 1);
        string copy = Assert.Single(Directory.GetFiles(_files.Cache));
        Assert.Equal(copy, first.Files[0].Path);
        Assert.StartsWith("train-images-idx3-ubyte-", Path.GetFileName(copy));
        Assert.Equal(DataFiles.IdxImages(3, 2, 3), File.ReadAllBytes(copy));
        var written = File.GetLastWriteTimeUtc(copy);
        var second = (FileRecordDataSet)Mnist.Open(folder, Split.Train, cacheFolder: _files.Cache, seed: 1);
        Assert.Equal(copy, second.Files[0].Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void Open_CachedCopyOfWrongLength_IsWrittenAgain()
    {
        string folder = WriteTrain(gzip: true);
        var data = (FileRecordDataSet)Mnist.Open(folder, Split.Train, cacheFolder: _files.Cache, seed: 1);
        File.WriteAllBytes(data.Files[0].Path, [1, 2, 3]);
        AssertTrainRecords(Mnist.Open(folder, Split.Train, cacheFolder: _files.Cache, seed: 1).Data(train: false).ToList());
    }

    [Fact]
    public void Open_ReadsEachImageFromDiskByPositionWhenThePassReachesIt()
    {
        string folder = WriteTrain();
        var data = (FileRecordDataSet)Mnist.Open(folder, Split.Train, seed: 1);
        Assert.Equal(0, data.BytesRead);
        // Changing image 2 on disk after the data set was made shows in the next pass: nothing was loaded.
        string images = _files.PathOf("train-images-idx3-ubyte");
        var bytes = File.ReadAllBytes(images);
        bytes[16 + 2 * 6] = 200;
        File.WriteAllBytes(images, bytes);
        using var pass = data.Data(train: false).GetEnumerator();
        Assert.True(pass.MoveNext());
        Assert.Equal(6, data.BytesRead);
        Assert.True(pass.MoveNext() && pass.MoveNext());
        Assert.Equal(200, pass.Current.Data[0]);
        Assert.Equal(18, data.BytesRead);
    }

    [Fact]
    public void Open_LargeFile_AllocatesFarLessThanTheFileWhenOpenedAndRead()
    {
        // 20000 images of 28x28: 15.7 MB of pixels.
        string folder = WriteTrain(images: DataFiles.IdxImages(20000, 28, 28),
            labels: DataFiles.IdxLabels([.. Enumerable.Range(0, 20000).Select(i => (byte)(i % 10))]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var data = Mnist.Open(folder, Split.Train, seed: 1);
        data.Shuffle(1);
        int seen = data.Data(train: true).Take(100).Count();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, seen);
        Assert.Equal(100 * 784, ((FileRecordDataSet)data).BytesRead);
        Assert.InRange(allocated, 0, 1 << 20);
    }

    [Fact]
    public void Open_TruncatedRawImages_ThrowsWhenMadeNamingFileAndOffset()
    {
        var images = DataFiles.IdxImages(3, 2, 3)[..^1];
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Open(WriteTrain(images: images), Split.Train));
        Assert.Contains($"train-images-idx3-ubyte, byte offset {images.Length}:", e.Message);
    }

    [Fact]
    public void Open_GzipOfTruncatedImages_NamesTheGzipFileNotTheCopy()
    {
        var images = DataFiles.IdxImages(3, 2, 3)[..^1];
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Open(WriteTrain(gzip: true, images: images), Split.Train, _files.Cache));
        Assert.Contains($"{_files.PathOf("train-images-idx3-ubyte.gz")}, byte offset {images.Length} of its decompressed content:", e.Message);
    }

    [Fact]
    public void Open_FileShrunkAfterwards_ThrowsNamingFileAndOffsetWhenRead()
    {
        string folder = WriteTrain();
        var data = Mnist.Open(folder, Split.Train, seed: 1);
        string images = _files.PathOf("train-images-idx3-ubyte");
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..30]);
        var e = Assert.Throws<InvalidDataException>(() => data.Data(train: false).ToList());
        Assert.Contains($"{images}, byte offset 30:", e.Message);
    }
}
