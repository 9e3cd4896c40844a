namespace BigDL.DataSets;

/// <summary>
/// Reads MNIST and data sets in its IDX format (Fashion-MNIST, …) into <see cref="ByteRecord"/>s: 28·28 bytes a
/// record (rows × cols in general), row by row, and the 0-based label. Files may be raw or gzip-compressed (told
/// apart by gzip's first bytes 1f 8b, whatever the name).
/// </summary>
/// <remarks>
/// <para>BigDL's <c>models.lenet.Utils.load(featureFile, labelFile)</c>, whose labels were 1-based (label + 1).</para>
/// <para>
/// <see cref="Load(string, Split, int)"/> reads everything into memory, for <see cref="DataSet.Array{T}"/>.
/// <see cref="Open(string, Split, string?, ulong?, int)"/> makes a data set that reads each image from disk by its
/// position when a pass reaches it; only the labels (a byte a record) and the epoch's order (4 bytes a record) stay in
/// memory. A gzip images file cannot be read by position, so it is decompressed once into a cache folder (by default
/// bigdl-cache in the system's temporary folder), under a name derived from its full path, length and modification
/// time; a later <c>Open</c> of the same unchanged file reuses the copy.
/// </para>
/// <para>
/// Bad files raise <see cref="InvalidDataException"/> naming the file and the byte offset (of the decompressed
/// content for gzip files): a wrong magic number, counts that do not match the file's length, a truncated file,
/// images and labels of different counts, a label outside 0…<c>classNumber</c> − 1.
/// </para>
/// </remarks>
public static class Mnist
{
    /// <summary>The files of <paramref name="split"/> in <paramref name="folder"/>: train-images-idx3-ubyte and train-labels-idx1-ubyte, or t10k-…, each raw or with .gz.</summary>
    /// <exception cref="FileNotFoundException">A file is in neither form; the message lists the names tried.</exception>
    public static (string Images, string Labels) Files(string folder, Split split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string prefix = split switch
        {
            Split.Train => "train",
            Split.Test => "t10k",
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "expected Split.Train or Split.Test"),
        };
        return (Find(folder, $"{prefix}-images-idx3-ubyte"), Find(folder, $"{prefix}-labels-idx1-ubyte"));
    }

    /// <summary>All records of <paramref name="split"/> in <paramref name="folder"/>, in memory, in file order.</summary>
    /// <param name="folder">The folder holding the standard file names (see <see cref="Files"/>).</param>
    /// <param name="split">Training or test files.</param>
    /// <param name="classNumber">Labels must lie in 0…classNumber − 1 (10 for MNIST and Fashion-MNIST).</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated (the message names file and offset).</exception>
    public static ByteRecord[] Load(string folder, Split split, int classNumber = 10)
    {
        var (images, labels) = Files(folder, split);
        return Load(images, labels, classNumber);
    }

    /// <summary>All records of an images file and its labels file, in memory, in file order.</summary>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated, or the counts differ.</exception>
    public static ByteRecord[] Load(string imagesPath, string labelsPath, int classNumber = 10)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(classNumber, 1);
        var labels = ReadLabels(labelsPath, classNumber);
        using var source = RecordSource.Open(imagesPath);
        var header = IdxHeader.ReadImages(source);
        CheckCounts(imagesPath, header.Count, labelsPath, labels.Length);
        var records = new ByteRecord[header.Count];
        for (int i = 0; i < records.Length; i++)
        {
            var data = new byte[header.RecordLength];
            source.ReadExactly(data, $"image {i}");
            records[i] = new ByteRecord(data, labels[i]);
        }
        source.ExpectEnd($"the {header.Count} images the header announces");
        return records;
    }

    /// <summary>
    /// A data set over the files of <paramref name="split"/> that reads each image from disk when a pass reaches it
    /// (see the remarks of <see cref="Mnist"/>). Epochs are shuffled by a permutation derived from
    /// <paramref name="seed"/>, by default the next value of <see cref="RandomGenerator.Default"/>.
    /// </summary>
    /// <param name="folder">The folder holding the standard file names (see <see cref="Files"/>).</param>
    /// <param name="split">Training or test files.</param>
    /// <param name="cacheFolder">Where a gzip images file is decompressed to; by default bigdl-cache in the system's temporary folder.</param>
    /// <param name="seed">Seed of the epochs' permutations.</param>
    /// <param name="classNumber">Labels must lie in 0…classNumber − 1.</param>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated (checked when the data set is made).</exception>
    public static DataSet<ByteRecord> Open(string folder, Split split, string? cacheFolder = null, ulong? seed = null, int classNumber = 10)
    {
        var (images, labels) = Files(folder, split);
        return Open(images, labels, cacheFolder, seed, classNumber);
    }

    /// <summary>A data set over an images file and its labels file that reads each image when a pass reaches it.</summary>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated, or the counts differ.</exception>
    public static DataSet<ByteRecord> Open(string imagesPath, string labelsPath, string? cacheFolder = null, ulong? seed = null, int classNumber = 10)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(classNumber, 1);
        return MnistDataSet.Open(imagesPath, labelsPath, classNumber, cacheFolder, seed ?? RandomGenerator.Default.NextUInt32());
    }

    /// <summary>The labels of an IDX labels file, each checked to lie in 0…classNumber − 1.</summary>
    internal static byte[] ReadLabels(string labelsPath, int classNumber)
    {
        ArgumentNullException.ThrowIfNull(labelsPath);
        using var source = RecordSource.Open(labelsPath);
        var header = IdxHeader.ReadLabels(source);
        var labels = new byte[header.Count];
        source.ReadExactly(labels, $"the {header.Count} labels the header announces");
        source.ExpectEnd($"the {header.Count} labels the header announces");
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classNumber)
                throw source.Error(IdxHeader.LabelsLength + i, $"label {labels[i]} of record {i} is outside 0..{classNumber - 1}");
        return labels;
    }

    /// <summary>Throws unless the images file and the labels file hold as many records.</summary>
    internal static void CheckCounts(string imagesPath, int images, string labelsPath, int labels)
    {
        if (images != labels)
            throw new InvalidDataException(
                $"{imagesPath}, byte offset 4: the header announces {images} images, but {labelsPath} (byte offset 4) announces {labels} labels");
    }

    private static string Find(string folder, string name)
    {
        string raw = Path.Combine(folder, name), gzip = raw + ".gz";
        if (File.Exists(raw)) return raw;
        if (File.Exists(gzip)) return gzip;
        throw new FileNotFoundException($"no MNIST file {name} in {folder}: tried {raw} and {gzip}", raw);
    }
}
