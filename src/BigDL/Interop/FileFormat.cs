using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BigDL.Tensors;

namespace BigDL.Interop;

/// <summary>
/// The BigDL for .NET file: what is saved is described in a JSON header, the numbers follow as raw tensors.
/// <code>
/// offset 0   "BIGDLNET"            8 ASCII bytes
///        8   format version         uint32, little-endian (this build writes 1)
///       12   header length H        uint32
///       16   header                 H bytes of UTF-8 JSON: {"format", "version", "kind", "elementType", "tensors": [...], ...}
///   16 + H   tensor data            each tensor's elements, little-endian IEEE 754, at the byte offset its entry gives
/// </code>
/// A tensor entry is <c>{"dtype": "float32"|"float64", "shape": [...], "offset": bytes from the start of the data}</c>.
/// Files are written to a temporary file in the same folder and renamed over the target, so a crash while writing
/// never leaves a half-written file where a good one was.
/// </summary>
internal static class FileFormat
{
    /// <summary>The magic bytes every file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "BIGDLNET"u8;

    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const uint Version = 1;

    private const int PreambleLength = 16;

    /// <summary>Writes <paramref name="header"/> (to which the tensor table is added) and <paramref name="tensors"/> to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public static void Write<T>(string path, JsonObject header, IReadOnlyList<Tensor<T>> tensors, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
            throw new IOException($"{full} exists; pass overwrite: true to replace it");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(stream, header, tensors);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The bytes of a file holding <paramref name="header"/> and <paramref name="tensors"/> (what <see cref="Write{T}(string, JsonObject, IReadOnlyList{Tensor{T}}, bool)"/> stores), for sending instead of storing.</summary>
    public static byte[] ToBytes<T>(JsonObject header, IReadOnlyList<Tensor<T>> tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        Write(stream, header, tensors);
        return stream.ToArray();
    }

    private static void Write<T>(Stream stream, JsonObject header, IReadOnlyList<Tensor<T>> tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var table = new JsonArray();
        long offset = 0;
        foreach (var tensor in tensors)
        {
            table.Add(new JsonObject
            {
                ["dtype"] = DType<T>(),
                ["shape"] = new JsonArray([.. tensor.Size().Select(s => (JsonNode)s)]),
                ["offset"] = offset,
            });
            offset += (long)tensor.NElement() * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        }
        header["format"] = "bigdl-dotnet";
        header["version"] = Version;
        header["elementType"] = DType<T>();
        header["tensors"] = table;
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());

        Span<byte> preamble = stackalloc byte[PreambleLength];
        Magic.CopyTo(preamble);
        BinaryPrimitives.WriteUInt32LittleEndian(preamble[8..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(preamble[12..], (uint)json.Length);
        stream.Write(preamble);
        stream.Write(json);
        foreach (var tensor in tensors) WriteValues(stream, tensor);
    }

    /// <summary>Reads a file: its header and its tensors as <typeparamref name="T"/> (converted when saved in the other precision).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a BigDL for .NET file, is newer than this build, or is truncated or corrupt; the message names the file and the byte offset.</exception>
    public static (JsonObject Header, Tensor<T>[] Tensors) Read<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        return Read<T>(File.ReadAllBytes(full), full);
    }

    /// <summary>Reads the bytes of a file (<see cref="ToBytes{T}"/>); <paramref name="name"/> says where they came from in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a BigDL for .NET file, are newer than this build, or are truncated or corrupt.</exception>
    public static (JsonObject Header, Tensor<T>[] Tensors) Read<T>(byte[] bytes, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var header = ReadHeader(bytes, name);
        long data = PreambleLength + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        var entries = header["tensors"]?.AsArray() ?? throw Corrupt(name, PreambleLength, "has no tensor table in its header");
        var tensors = new Tensor<T>[entries.Count];
        for (int i = 0; i < tensors.Length; i++) tensors[i] = ReadTensor<T>(bytes, data, entries[i]!.AsObject(), name, i);
        return (header, tensors);
    }

    /// <summary>The JSON header of the bytes of a file, without reading its tensors (e.g. to learn its element type first).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a BigDL for .NET file, are newer than this build, or their header is corrupt.</exception>
    public static JsonObject ReadHeader(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < PreambleLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw Corrupt(name, 0, "does not start with BIGDLNET: not a BigDL for .NET file");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version == 0 || version > Version)
            throw Corrupt(name, 8, $"has format version {version}; this build reads versions 1 to {Version}");
        long headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        if (PreambleLength + headerLength > bytes.Length)
            throw Corrupt(name, 12, $"declares a header of {headerLength} bytes, but only {bytes.Length - PreambleLength} follow");
        try
        {
            return JsonNode.Parse(bytes.AsSpan(PreambleLength, (int)headerLength))?.AsObject()
                ?? throw Corrupt(name, PreambleLength, "has an empty header");
        }
        catch (JsonException e)
        {
            throw Corrupt(name, PreambleLength + (e.BytePositionInLine ?? 0), $"has a header that is not valid JSON ({e.Message})");
        }
    }

    /// <summary>An error naming the file and the byte offset.</summary>
    public static InvalidDataException Corrupt(string file, long offset, string problem) => new($"{file} (byte {offset}) {problem}");

    private static Tensor<T> ReadTensor<T>(byte[] bytes, long data, JsonObject entry, string file, int index) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string dtype = (string?)entry["dtype"] ?? "";
        int size = dtype switch
        {
            "float32" => 4,
            "float64" => 8,
            _ => throw Corrupt(file, data, $"tensor {index} has unknown dtype '{dtype}'"),
        };
        int[] shape = [.. (entry["shape"]?.AsArray() ?? []).Select(s => (int)s!)];
        long count = shape.Aggregate(1L, (a, b) => a * b);
        long start = data + (long)entry["offset"]!;
        if (shape.Any(s => s < 0) || start < data || start + count * size > bytes.Length)
            throw Corrupt(file, start, $"tensor {index} ([{string.Join(", ", shape)}] {dtype}) does not fit in the file of {bytes.Length} bytes (truncated?)");
        var tensor = new Tensor<T>(shape);
        var target = tensor.AsSpan();
        var source = bytes.AsSpan((int)start, (int)(count * size));
        if (size == 4)
            for (int i = 0; i < target.Length; i++) target[i] = T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]));
        else
            for (int i = 0; i < target.Length; i++) target[i] = T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(source[(8 * i)..]));
        return tensor;
    }

    private static void WriteValues<T>(Stream stream, Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = tensor.Contiguous().AsSpan();
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        var buffer = new byte[size];
        foreach (var value in values)
        {
            if (size == 4) BinaryPrimitives.WriteSingleLittleEndian(buffer, float.CreateTruncating(value));
            else BinaryPrimitives.WriteDoubleLittleEndian(buffer, double.CreateTruncating(value));
            stream.Write(buffer);
        }
    }

    private static string DType<T>() => typeof(T) == typeof(float) ? "float32" : "float64";
}
