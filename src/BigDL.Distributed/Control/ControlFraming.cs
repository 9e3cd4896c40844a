using System.Buffers.Binary;
using System.Globalization;

namespace BigDL.Distributed.Control;

/// <summary>
/// The control connection's framing: a little-endian u32 giving the length of the rest of the message (the kind byte
/// plus the body), the kind byte, then the body.
/// </summary>
internal static class ControlFraming
{
    /// <summary>The protocol version a worker states in its Hello; the driver refuses any other.</summary>
    public const int Version = 2;

    /// <summary>The largest length field (kind byte plus body) either end accepts: 1 GiB.</summary>
    public const int MaxLength = 1 << 30;

    private const int HeaderSize = 5;
    private const int CoalesceLimit = 64 * 1024;

    /// <summary>Writes one message and flushes; small bodies go out in one write with their header.</summary>
    /// <exception cref="ArgumentException">The body is longer than <see cref="MaxLength"/> − 1 bytes.</exception>
    public static async ValueTask WriteAsync(Stream stream, ControlMessageKind kind, ReadOnlyMemory<byte> body, CancellationToken cancellation)
    {
        if (body.Length > MaxLength - 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected a body of at most {MaxLength - 1} bytes, got {body.Length}"), nameof(body));
        if (body.Length <= CoalesceLimit)
        {
            var frame = new byte[HeaderSize + body.Length];
            WriteHeader(frame, kind, body.Length);
            body.CopyTo(frame.AsMemory(HeaderSize));
            await stream.WriteAsync(frame, cancellation).ConfigureAwait(false);
        }
        else
        {
            var header = new byte[HeaderSize];
            WriteHeader(header, kind, body.Length);
            await stream.WriteAsync(header, cancellation).ConfigureAwait(false);
            await stream.WriteAsync(body, cancellation).ConfigureAwait(false);
        }
        await stream.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Reads one message; null when the stream ends cleanly before its first byte.</summary>
    /// <exception cref="InvalidDataException">The stream ends inside a message, or the length field is 0 or above <see cref="MaxLength"/>.</exception>
    public static async ValueTask<ControlMessage?> ReadAsync(Stream stream, CancellationToken cancellation)
    {
        var header = new byte[HeaderSize];
        int got = await stream.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < HeaderSize)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"control stream ended inside a message header: expected {HeaderSize} bytes, got {got}"));
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length == 0 || length > MaxLength)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"control message length must be in [1, {MaxLength}], got {length}"));
        var body = new byte[length - 1];
        got = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
        if (got < body.Length)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"control stream ended inside a {(ControlMessageKind)header[4]} message: expected a body of {body.Length} bytes, got {got}"));
        return new ControlMessage((ControlMessageKind)header[4], body);
    }

    /// <summary>The kind's name, or its number when this version does not know it.</summary>
    public static string Describe(ControlMessageKind kind)
        => Enum.IsDefined(kind) ? kind.ToString() : string.Create(CultureInfo.InvariantCulture, $"unknown kind {(byte)kind}");

    private static void WriteHeader(Span<byte> destination, ControlMessageKind kind, int bodyLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bodyLength + 1);
        destination[4] = (byte)kind;
    }
}
