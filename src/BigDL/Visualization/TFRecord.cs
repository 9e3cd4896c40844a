using System.Buffers.Binary;

namespace BigDL.Visualization;

/// <summary>
/// TensorFlow's record framing, in which event files are written (BigDL's <c>RecordWriter</c>): the payload length as
/// a little-endian uint64, the masked CRC-32C of those eight bytes, the payload, and the masked CRC-32C of the payload,
/// each checksum a little-endian uint32.
/// </summary>
internal static class TFRecord
{
    /// <summary>Bytes before the payload: the length and its checksum.</summary>
    public const int HeaderSize = sizeof(ulong) + sizeof(uint);

    /// <summary>Bytes after the payload: its checksum.</summary>
    public const int FooterSize = sizeof(uint);

    /// <summary>The framed record holding <paramref name="payload"/>.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var record = new byte[HeaderSize + payload.Length + FooterSize];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[sizeof(ulong)..], Crc32C.ComputeMasked(span[..sizeof(ulong)]));
        payload.CopyTo(span[HeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(HeaderSize + payload.Length)..], Crc32C.ComputeMasked(payload));
        return record;
    }

    /// <summary>
    /// Reads the payload length from a <see cref="HeaderSize"/>-byte header; false when the header's checksum does not
    /// match its length bytes.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out ulong payloadLength)
    {
        payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(header);
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header[sizeof(ulong)..]);
        return stored == Crc32C.ComputeMasked(header[..sizeof(ulong)]);
    }

    /// <summary>Whether a <see cref="FooterSize"/>-byte footer holds the checksum of <paramref name="payload"/>.</summary>
    public static bool FooterMatches(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> footer) =>
        BinaryPrimitives.ReadUInt32LittleEndian(footer) == Crc32C.ComputeMasked(payload);
}
