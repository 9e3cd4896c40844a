using Microsoft.Win32.SafeHandles;

namespace BigDL.DataSets;

/// <summary>CIFAR-10 records read by position from one or more batch files (decompressed once when gzip data).</summary>
internal sealed class Cifar10DataSet : FileRecordDataSet
{
    /// <summary>Index of the first record of each file, and one past the last.</summary>
    private readonly int[] _starts;

    private Cifar10DataSet(IReadOnlyList<RawFile> files, int[] starts, ulong seed) : base(files, starts[^1], seed) => _starts = starts;

    public static Cifar10DataSet Open(IReadOnlyList<string> paths, string? cacheFolder, ulong seed)
    {
        var files = new RawFile[paths.Count];
        var starts = new int[paths.Count + 1];
        for (int f = 0; f < files.Length; f++)
        {
            files[f] = GzipCache.Raw(paths[f], cacheFolder);
            long length;
            using (var source = RecordSource.Open(files[f]))
            {
                length = source.Length ?? 0;
                Cifar10.CheckLength(source, length);
            }
            long end = starts[f] + length / Cifar10.RecordLength;
            if (end > int.MaxValue) throw new InvalidDataException($"{paths[f]}: more than {int.MaxValue} records in all");
            starts[f + 1] = (int)end;
        }
        return new Cifar10DataSet(files, starts, seed);
    }

    protected override ByteRecord Read(SafeFileHandle[] handles, int index)
    {
        // Starts strictly increase (no file is empty): the file is the last whose start is at most the index.
        int file = Array.BinarySearch(_starts, index);
        if (file < 0) file = ~file - 1;
        long offset = (long)(index - _starts[file]) * Cifar10.RecordLength;
        Span<byte> record = stackalloc byte[Cifar10.RecordLength];
        ReadAt(handles, file, offset, record);
        float label = Cifar10.CheckLabel(record[0], offset, Files[file].Error);
        return new ByteRecord(record[1..].ToArray(), label);
    }

    public override string ToString() => $"Cifar10({Files.Count} files, {Size} records, read by position)";
}
