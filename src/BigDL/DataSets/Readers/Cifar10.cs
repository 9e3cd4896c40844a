namespace BigDL.DataSets;

/// <summary>
/// Reads CIFAR-10's binary version (data_batch_1.bin … data_batch_5.bin, test_batch.bin) into
/// <see cref="ByteRecord"/>s. A file is a run of 3073-byte records: the 0-based label byte (0…9), then a red, a
/// green and a blue plane of 32×32 bytes, row by row. A record's <see cref="ByteRecord.Data"/> is those 3072 plane
/// bytes as stored; <see cref="BytesToBGRImg"/> turns them into images.
/// </summary>
/// <remarks>
/// <para>BigDL's <c>models.vgg.Utils.loadTrain</c>/<c>loadTest</c>, which interleaved the planes into BGR bytes behind
/// an 8-byte size header and made labels 1-based.</para>
/// <para>
/// <see cref="Load(string, Split)"/> reads everything into memory, for <see cref="DataSet.Array{T}"/>;
/// <see cref="Open"/> makes a data set that reads each record from disk by its position when a pass reaches it
/// (labels are checked as records are read). Files may also be gzip-compressed one by one; the streaming data set
/// then decompresses each once into a cache folder, as <see cref="Mnist"/> does. The distributed .tar.gz archive must
/// be unpacked first.
/// </para>
/// <para>Bad files raise <see cref="InvalidDataException"/> naming the file and the byte offset: a length that is not a
/// whole number of records, a label outside 0…9.</para>
/// </remarks>
public static class Cifar10
{
    /// <summary>Width and height of every image.</summary>
    public const int ImageSize = 32;

    /// <summary>Bytes a record: the label byte and three 32×32 planes.</summary>
    public const int RecordLength = 1 + 3 * ImageSize * ImageSize;

    /// <summary>Number of classes; labels lie in 0…9.</summary>
    public const int ClassNumber = 10;

    /// <summary>The files of <paramref name="split"/> in <paramref name="folder"/> (each name raw or with .gz).</summary>
    /// <exception cref="FileNotFoundException">A file is in neither form; the message lists the names tried.</exception>
    public static IReadOnlyList<string> Files(string folder, Split split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string[] names = split switch
        {
            Split.Train => ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
            Split.Test => ["test_batch.bin"],
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "expected Split.Train or Split.Test"),
        };
        return [.. names.Select(name => Find(folder, name))];
    }

    /// <summary>All records of <paramref name="split"/> in <paramref name="folder"/>, in memory, in file order.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated (the message names file and offset).</exception>
    public static ByteRecord[] Load(string folder, Split split) => Load(Files(folder, split));

    /// <summary>All records of <paramref name="files"/>, in memory, file after file.</summary>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated.</exception>
    public static ByteRecord[] Load(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var records = new List<ByteRecord>();
        Span<byte> label = stackalloc byte[1];
        foreach (string path in files)
        {
            using var source = RecordSource.Open(path);
            if (source.Length is long length) CheckLength(source, length);
            while (source.Read(label) == 1)
            {
                long start = source.Position - 1;
                var data = new byte[RecordLength - 1];
                source.ReadExactly(data, $"the record starting at byte offset {start}");
                records.Add(new ByteRecord(data, CheckLabel(label[0], start, source.Error)));
            }
            if (source.Position == 0) throw source.Error(0, "the file is empty");
        }
        return [.. records];
    }

    /// <summary>
    /// A data set over the files of <paramref name="split"/> that reads each record from disk when a pass reaches it.
    /// Epochs are shuffled by a permutation derived from <paramref name="seed"/>, by default the next value of
    /// <see cref="RandomGenerator.Default"/>.
    /// </summary>
    /// <param name="folder">The folder holding the batch files.</param>
    /// <param name="split">Training or test files.</param>
    /// <param name="cacheFolder">Where gzip files are decompressed to; by default bigdl-cache in the system's temporary folder.</param>
    /// <param name="seed">Seed of the epochs' permutations.</param>
    /// <exception cref="InvalidDataException">A file's length is not a whole number of records (checked when the data set is made),
    /// or a record's label is outside 0…9 (when the record is read).</exception>
    public static DataSet<ByteRecord> Open(string folder, Split split, string? cacheFolder = null, ulong? seed = null) =>
        Cifar10DataSet.Open(Files(folder, split), cacheFolder, seed ?? RandomGenerator.Default.NextUInt32());

    /// <summary>Throws unless a file of <paramref name="length"/> bytes holds a positive whole number of records.</summary>
    internal static void CheckLength(RecordSource source, long length)
    {
        if (length == 0) throw source.Error(0, "the file is empty");
        long partial = length % RecordLength;
        if (partial != 0)
            throw source.Error(length - partial,
                $"the last record has only {partial} of its {RecordLength} bytes: the file's {length} bytes are not a whole number of records (truncated)");
    }

    /// <summary>The label byte as a 0-based label, or an error naming the record's offset.</summary>
    internal static float CheckLabel(byte label, long offset, Func<long, string, InvalidDataException> error) =>
        label < ClassNumber ? label : throw error(offset, $"label {label} is outside 0..{ClassNumber - 1}");

    private static string Find(string folder, string name)
    {
        string raw = Path.Combine(folder, name), gzip = raw + ".gz";
        if (File.Exists(raw)) return raw;
        if (File.Exists(gzip)) return gzip;
        throw new FileNotFoundException($"no CIFAR-10 file {name} in {folder}: tried {raw} and {gzip}", raw);
    }
}
