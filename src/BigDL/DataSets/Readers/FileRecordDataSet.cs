using Microsoft.Win32.SafeHandles;

namespace BigDL.DataSets;

/// <summary>
/// Records read from files by position, one read per record, so a pass never holds more than the record it yields.
/// Shuffling permutes an index of the records (4 bytes a record), never the records.
/// </summary>
internal abstract class FileRecordDataSet : DataSet<ByteRecord>
{
    private readonly IReadOnlyList<RawFile> _files;
    private readonly int[] _order;
    private long _bytesRead;

    protected FileRecordDataSet(IReadOnlyList<RawFile> files, int count, ulong seed)
    {
        _files = files;
        Seed = seed;
        _order = new int[count];
        for (int i = 0; i < count; i++) _order[i] = i;
    }

    /// <summary>The seed the epochs' permutations derive from.</summary>
    public ulong Seed { get; }

    /// <summary>The files read, with where their bytes come from.</summary>
    public IReadOnlyList<RawFile> Files => _files;

    /// <summary>Bytes read from the files by all passes so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public override long Size => _order.Length;

    public override IEnumerable<ByteRecord> Data(bool train)
    {
        var handles = new SafeFileHandle[_files.Count];
        try
        {
            for (int f = 0; f < handles.Length; f++)
                handles[f] = File.OpenHandle(_files[f].Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
            for (int i = 0; i < _order.Length; i++) yield return Read(handles, train ? _order[i] : i);
        }
        finally
        {
            foreach (var handle in handles) handle?.Dispose();
        }
    }

    public override void Shuffle(int epoch) => Permutation.Fill(_order, Seed, epoch);

    /// <summary>Record <paramref name="index"/> (0-based, in stored order), read from <paramref name="handles"/> (one a file).</summary>
    protected abstract ByteRecord Read(SafeFileHandle[] handles, int index);

    /// <summary>Fills <paramref name="buffer"/> from byte <paramref name="offset"/> of file <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">The file ends before (it shrank after the data set was made).</exception>
    protected void ReadAt(SafeFileHandle[] handles, int file, long offset, Span<byte> buffer)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = RandomAccess.Read(handles[file], buffer[done..], offset + done);
            if (n == 0) throw _files[file].Error(offset + done, "the file ends here; it is shorter than when the data set was made");
            done += n;
        }
        Interlocked.Add(ref _bytesRead, done);
    }
}
