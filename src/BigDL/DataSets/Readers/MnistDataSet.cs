using Microsoft.Win32.SafeHandles;

namespace BigDL.DataSets;

/// <summary>
/// MNIST-format images read by position from an IDX file (decompressed once when it is gzip data); the labels, one
/// byte a record, are read and checked when the data set is made and kept in memory.
/// </summary>
internal sealed class MnistDataSet : FileRecordDataSet
{
    private readonly byte[] _labels;
    private readonly int _recordLength;

    private MnistDataSet(RawFile images, IdxHeader header, byte[] labels, ulong seed) : base([images], header.Count, seed)
    {
        _labels = labels;
        _recordLength = header.RecordLength;
        Rows = header.Rows;
        Cols = header.Cols;
    }

    /// <summary>Rows of every image.</summary>
    public int Rows { get; }

    /// <summary>Columns of every image.</summary>
    public int Cols { get; }

    public static MnistDataSet Open(string imagesPath, string labelsPath, int classNumber, string? cacheFolder, ulong seed)
    {
        var images = GzipCache.Raw(imagesPath, cacheFolder);
        IdxHeader header;
        using (var source = RecordSource.Open(images)) header = IdxHeader.ReadImages(source);
        var labels = Mnist.ReadLabels(labelsPath, classNumber);
        Mnist.CheckCounts(imagesPath, header.Count, labelsPath, labels.Length);
        return new MnistDataSet(images, header, labels, seed);
    }

    protected override ByteRecord Read(SafeFileHandle[] handles, int index)
    {
        var data = new byte[_recordLength];
        ReadAt(handles, 0, IdxHeader.ImagesLength + (long)index * _recordLength, data);
        return new ByteRecord(data, _labels[index]);
    }

    public override string ToString() => $"Mnist({Files[0].Source}: {Size} images of {Rows}x{Cols}, read by position)";
}
