using System.Buffers.Binary;
using System.Text;

namespace BigDL.Visualization;

/// <summary>
/// Reads the protocol-buffer wire format field by field: the counterpart of <see cref="ProtobufWriter"/>, which also
/// skips fields it is not asked about. Malformed input raises an <see cref="InvalidDataException"/> naming the byte
/// position from the start of the outermost message, nested messages included.
/// </summary>
internal ref struct ProtobufReader
{
    /// <summary>Varint wire type (int32, int64, uint64, bool, enum).</summary>
    public const int WireVarint = 0;

    /// <summary>64-bit wire type (double, fixed64).</summary>
    public const int WireFixed64 = 1;

    /// <summary>Length-delimited wire type (string, bytes, nested message, packed repeated).</summary>
    public const int WireLengthDelimited = 2;

    /// <summary>32-bit wire type (float, fixed32).</summary>
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private int _position;

    /// <summary>A reader over one encoded message.</summary>
    public ProtobufReader(ReadOnlySpan<byte> data) : this(data, 0)
    {
    }

    private ProtobufReader(ReadOnlySpan<byte> data, int origin)
    {
        _data = data;
        _origin = origin;
        _position = 0;
    }

    /// <summary>Where the next read starts, from the start of the message.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next field's number and wire type; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (_position == _data.Length) return false;
        int at = _position;
        ulong tag = ReadVarint();
        wireType = (int)(tag & 7);
        if (tag >> 3 is 0 or > int.MaxValue) throw Malformed($"invalid field number {tag >> 3}", at);
        field = (int)(tag >> 3);
        return true;
    }

    /// <summary>Reads a varint field's value.</summary>
    public ulong ReadVarint()
    {
        int start = _position;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position == _data.Length) throw Malformed("truncated varint", start);
            byte b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Malformed("varint longer than ten bytes", start);
    }

    /// <summary>Reads a 64-bit field as a double.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double), "double"));

    /// <summary>Reads a 32-bit field as a float.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float), "float"));

    /// <summary>Reads a length-delimited field's bytes (a nested message, or a string's UTF-8).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        int at = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
            throw Malformed($"length {length} runs past the end of the enclosing {_data.Length}-byte message", at);
        return Take((int)length, "bytes");
    }

    /// <summary>Reads a nested message field: a reader over its bytes that reports positions in the outer message.</summary>
    public ProtobufReader ReadMessage()
    {
        var bytes = ReadBytes();
        return new ProtobufReader(bytes, _origin + _position - bytes.Length);
    }

    /// <summary>Reads a string field.</summary>
    public string ReadString()
    {
        int at = _position;
        var bytes = ReadBytes();
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("string is not valid UTF-8", at);
        }
    }

    /// <summary>Skips the value of a field of the given wire type.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint: ReadVarint(); break;
            case WireFixed64: Take(sizeof(ulong), "64-bit field"); break;
            case WireLengthDelimited: ReadBytes(); break;
            case WireFixed32: Take(sizeof(uint), "32-bit field"); break;
            default: throw Malformed($"unsupported wire type {wireType}", _position);
        }
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _data.Length - _position)
            throw Malformed($"truncated {what} ({count} bytes needed, {_data.Length - _position} left)", _position);
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly InvalidDataException Malformed(string problem, int at) =>
        new($"malformed protobuf: {problem} at byte {_origin + at} of the message");
}
