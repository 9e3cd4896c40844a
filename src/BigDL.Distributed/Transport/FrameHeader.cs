using System.Buffers.Binary;
using System.Globalization;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Transport;

/// <summary>
/// What every frame between ranks says about itself: its type, the generation (attempt) and iteration it belongs to,
/// the rank that sent it, the parameter slice it is about and how its payload is encoded.
/// </summary>
/// <param name="Type">What the frame carries.</param>
/// <param name="Generation">The attempt of the job it belongs to; a receiver refuses frames of another generation.</param>
/// <param name="Iteration">The training iteration (1-based) it belongs to.</param>
/// <param name="SourceRank">The rank that sent it.</param>
/// <param name="SliceId">The parameter slice it is about (the owner's rank), or 0 when it is about none.</param>
/// <param name="DType">How the payload's values are encoded.</param>
public readonly record struct FrameHeader(FrameType Type, int Generation, int Iteration, int SourceRank, int SliceId, WireDType DType)
{
    /// <summary>Bytes of the header on a byte stream: type, dtype, flags, a reserved byte, then generation, iteration, source rank, slice id and payload length as little-endian 32-bit integers.</summary>
    public const int Size = 24;

    /// <summary>The flag saying the payload lies in the link's shared memory; the frame's own payload then only says where.</summary>
    internal const byte SharedPayload = 1;

    /// <summary>Writes this header, followed on the stream by <paramref name="payloadLength"/> payload bytes, into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public void WriteTo(Span<byte> destination, int payloadLength) => WriteTo(destination, payloadLength, 0);

    /// <summary>Writes this header with <paramref name="flags"/> (<see cref="SharedPayload"/>).</summary>
    internal void WriteTo(Span<byte> destination, int payloadLength, byte flags)
    {
        if (destination.Length < Size)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected destination of at least {Size} bytes, got {destination.Length}"), nameof(destination));
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        destination[0] = (byte)Type;
        destination[1] = (byte)DType;
        destination[2] = flags;
        destination[3] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], Generation);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], Iteration);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], SourceRank);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], SliceId);
        BinaryPrimitives.WriteInt32LittleEndian(destination[20..], payloadLength);
    }

    /// <summary>Reads a header and the length of the payload that follows it from the first <see cref="Size"/> bytes of <paramref name="source"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a header: unknown type or dtype, flags or reserved byte set, negative numbers.</exception>
    public static (FrameHeader Header, int PayloadLength) ReadFrom(ReadOnlySpan<byte> source)
    {
        var (header, length, flags) = ReadFrom(source, allowedFlags: 0);
        _ = flags;
        return (header, length);
    }

    /// <summary>Reads a header that may carry <paramref name="allowedFlags"/>; returns its flags too.</summary>
    internal static (FrameHeader Header, int PayloadLength, byte Flags) ReadFrom(ReadOnlySpan<byte> source, byte allowedFlags)
    {
        if (source.Length < Size)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"a frame header needs {Size} bytes, got {source.Length}"));
        var type = (FrameType)source[0];
        var dtype = (WireDType)source[1];
        if (!Enum.IsDefined(type)) throw new InvalidDataException($"frame type {source[0]} is unknown (expected {string.Join(", ", Enum.GetNames<FrameType>())})");
        if (!Enum.IsDefined(dtype)) throw new InvalidDataException($"frame dtype {source[1]} is unknown (expected {string.Join(", ", Enum.GetNames<WireDType>())})");
        if ((source[2] & ~allowedFlags) != 0 || source[3] != 0) throw new InvalidDataException($"frame header's reserved bytes must be 0, got {source[2]} and {source[3]}");
        var header = new FrameHeader(type, BinaryPrimitives.ReadInt32LittleEndian(source[4..]), BinaryPrimitives.ReadInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[12..]), BinaryPrimitives.ReadInt32LittleEndian(source[16..]), dtype);
        int length = BinaryPrimitives.ReadInt32LittleEndian(source[20..]);
        if (header.Generation < 0 || header.Iteration < 0 || header.SourceRank < 0 || header.SliceId < 0 || length < 0)
            throw new InvalidDataException($"frame header has a negative field: {header}, payload length {length}");
        return (header, length, source[2]);
    }
}
