using System.Buffers.Binary;
using System.IO.Compression;

namespace BigDL.Tests.DataSets;

/// <summary>A fresh folder for the files a test writes, deleted afterwards; writers for IDX and CIFAR files.</summary>
internal sealed class DataFiles : IDisposable
{
    public DataFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bigdl-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A cache folder inside <see cref="Folder"/>, so tests never share decompressed copies.</summary>
    public string Cache => Path.Combine(Folder, "cache");

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/>, gzip-compressed when <paramref name="gzip"/>.</summary>
    public string Write(string name, byte[] content, bool gzip = false)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return path;
        }
        using (var file = File.Create(path))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
            zip.Write(content);
        return path;
    }

    /// <summary>An IDX images file: magic 2051, count, rows, cols (big-endian), then the pixels; image i's pixel j is (i·7 + j) mod 256.</summary>
    public static byte[] IdxImages(int count, int rows, int cols, int magic = 2051)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 0; i < count; i++)
            for (int j = 0; j < rows * cols; j++) bytes[16 + i * rows * cols + j] = Pixel(i, j);
        return bytes;
    }

    public static byte Pixel(int image, int j) => (byte)((image * 7 + j) % 256);

    /// <summary>An IDX labels file: magic 2049, count, then the labels.</summary>
    public static byte[] IdxLabels(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 2049);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>CIFAR-10 records: label byte, then 3072 bytes; record i's byte j is (i + j) mod 251.</summary>
    public static byte[] CifarRecords(params byte[] labels)
    {
        var bytes = new byte[labels.Length * 3073];
        for (int i = 0; i < labels.Length; i++)
        {
            bytes[i * 3073] = labels[i];
            for (int j = 0; j < 3072; j++) bytes[i * 3073 + 1 + j] = CifarByte(i, j);
        }
        return bytes;
    }

    public static byte CifarByte(int record, int j) => (byte)((record + j) % 251);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere: the temporary folder is left for the system to clean.
        }
    }
}
