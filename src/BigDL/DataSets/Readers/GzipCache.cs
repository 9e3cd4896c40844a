using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace BigDL.DataSets;

/// <summary>
/// Gives gzip files a decompressed copy that can be read by position: decompressed once into a cache folder, named
/// after the source's full path, length and modification time, so a changed source gets a new copy.
/// </summary>
/// <remarks>
/// A copy is written to a temporary name and renamed into place, so concurrent processes never see half a file; a
/// copy whose length differs from the length gzip's trailer records (modulo 2³²) is written again.
/// </remarks>
internal static class GzipCache
{
    /// <summary>The default cache folder: bigdl-cache in the system's temporary folder.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "bigdl-cache");

    /// <summary><paramref name="path"/> itself when it is not gzip data, else its decompressed copy in <paramref name="cacheFolder"/>.</summary>
    public static RawFile Raw(string path, string? cacheFolder)
    {
        if (!RecordSource.IsGzip(path)) return new RawFile(path, path, Decompressed: false);
        var info = new FileInfo(path);
        string folder = cacheFolder ?? DefaultFolder;
        string copy = Path.Combine(folder, $"{Stem(info.Name)}-{Key(info)}");
        if (!File.Exists(copy) || (uint)new FileInfo(copy).Length != TrailerLength(info)) Decompress(path, copy, folder);
        return new RawFile(path, copy, Decompressed: true);
    }

    private static void Decompress(string path, string copy, string folder)
    {
        Directory.CreateDirectory(folder);
        string temporary = $"{copy}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        try
        {
            using (var source = RecordSource.Open(path))
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                for (int n; (n = source.Read(buffer)) > 0;) target.Write(buffer, 0, n);
            }
            File.Move(temporary, copy, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The uncompressed length modulo 2³² that gzip's last four bytes record (ISIZE, little-endian).</summary>
    private static uint TrailerLength(FileInfo info)
    {
        if (info.Length < 4) return 0;
        using var file = info.OpenRead();
        file.Position = info.Length - 4;
        Span<byte> size = stackalloc byte[4];
        file.ReadExactly(size);
        return BinaryPrimitives.ReadUInt32LittleEndian(size);
    }

    private static string Stem(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static string Key(FileInfo info)
    {
        var identity = Encoding.UTF8.GetBytes($"{info.FullName}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}");
        return Convert.ToHexStringLower(SHA256.HashData(identity), 0, 8);
    }
}
