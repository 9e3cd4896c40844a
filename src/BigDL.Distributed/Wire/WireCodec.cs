using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Distributed.Wire;

/// <summary>
/// Encodes slices of parameters or gradients into a frame's payload bytes and decodes them back, without allocating.
/// Float and double spans are converted in place or through a small stack buffer; byte order is little-endian (the
/// hosts this build targets). The owner of a slice always keeps its FP32/FP64 master copy: only the wire is compressed.
/// </summary>
public static class WireCodec
{
    private const int ChunkLength = 256;

    /// <summary>Bytes one value takes on the wire in <paramref name="dtype"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dtype"/> is not a defined <see cref="WireDType"/>.</exception>
    public static int ElementSize(WireDType dtype) => dtype switch
    {
        WireDType.Float64 => 8,
        WireDType.Float32 => 4,
        WireDType.TruncatedFloat16 or WireDType.BFloat16 or WireDType.Float16 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, $"expected a defined WireDType ({string.Join(", ", Enum.GetNames<WireDType>())}), got {(int)dtype}"),
    };

    /// <summary>Payload bytes of <paramref name="count"/> values in <paramref name="dtype"/>.</summary>
    public static int EncodedLength(WireDType dtype, int count) => checked(count * ElementSize(dtype));

    /// <summary>Writes <paramref name="values"/> encoded as <paramref name="dtype"/> into the first <see cref="EncodedLength"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void Encode<T>(ReadOnlySpan<T> values, WireDType dtype, Span<byte> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bytes = EncodedLength(dtype, values.Length);
        RequireBytes(destination.Length, bytes, values.Length, dtype, nameof(destination));
        destination = destination[..bytes];
        if (typeof(T) == typeof(float)) EncodeSingle(MemoryMarshal.Cast<T, float>(values), dtype, destination);
        else if (typeof(T) == typeof(double) && dtype == WireDType.Float64) MemoryMarshal.AsBytes(values).CopyTo(destination);
        else EncodeThroughSingle(values, dtype, destination);
    }

    /// <summary>Reads <paramref name="destination"/>.Length values encoded as <paramref name="dtype"/> from the start of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is too short.</exception>
    public static void Decode<T>(ReadOnlySpan<byte> source, WireDType dtype, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bytes = EncodedLength(dtype, destination.Length);
        RequireBytes(source.Length, bytes, destination.Length, dtype, nameof(source));
        source = source[..bytes];
        if (typeof(T) == typeof(float)) DecodeSingle(source, dtype, MemoryMarshal.Cast<T, float>(destination));
        else if (typeof(T) == typeof(double) && dtype == WireDType.Float64) source.CopyTo(MemoryMarshal.AsBytes(destination));
        else DecodeThroughSingle(source, dtype, destination);
    }

    private static void EncodeSingle(ReadOnlySpan<float> values, WireDType dtype, Span<byte> destination)
    {
        switch (dtype)
        {
            case WireDType.Float32:
                MemoryMarshal.AsBytes(values).CopyTo(destination);
                break;
            case WireDType.Float64:
                var wide = MemoryMarshal.Cast<byte, double>(destination);
                for (int i = 0; i < values.Length; i++) wide[i] = values[i];
                break;
            case WireDType.Float16:
                TensorPrimitives.ConvertToHalf(values, MemoryMarshal.Cast<byte, Half>(destination));
                break;
            default:
                SixteenBitKernels.Encode(values, MemoryMarshal.Cast<byte, ushort>(destination), truncate: dtype == WireDType.TruncatedFloat16);
                break;
        }
    }

    private static void DecodeSingle(ReadOnlySpan<byte> source, WireDType dtype, Span<float> destination)
    {
        switch (dtype)
        {
            case WireDType.Float32:
                source.CopyTo(MemoryMarshal.AsBytes(destination));
                break;
            case WireDType.Float64:
                var wide = MemoryMarshal.Cast<byte, double>(source);
                for (int i = 0; i < destination.Length; i++) destination[i] = (float)wide[i];
                break;
            case WireDType.Float16:
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(source), destination);
                break;
            default:
                SixteenBitKernels.Decode(MemoryMarshal.Cast<byte, ushort>(source), destination);
                break;
        }
    }

    private static void EncodeThroughSingle<T>(ReadOnlySpan<T> values, WireDType dtype, Span<byte> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<float> chunk = stackalloc float[ChunkLength];
        int size = ElementSize(dtype);
        for (int start = 0; start < values.Length; start += ChunkLength)
        {
            var part = values.Slice(start, Math.Min(ChunkLength, values.Length - start));
            var floats = chunk[..part.Length];
            for (int i = 0; i < part.Length; i++) floats[i] = float.CreateTruncating(part[i]);
            EncodeSingle(floats, dtype, destination.Slice(start * size, part.Length * size));
        }
    }

    private static void DecodeThroughSingle<T>(ReadOnlySpan<byte> source, WireDType dtype, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<float> chunk = stackalloc float[ChunkLength];
        int size = ElementSize(dtype);
        for (int start = 0; start < destination.Length; start += ChunkLength)
        {
            var part = destination.Slice(start, Math.Min(ChunkLength, destination.Length - start));
            var floats = chunk[..part.Length];
            DecodeSingle(source.Slice(start * size, part.Length * size), dtype, floats);
            for (int i = 0; i < part.Length; i++) part[i] = T.CreateTruncating(floats[i]);
        }
    }

    private static void RequireBytes(int actual, int expected, int count, WireDType dtype, string name)
    {
        if (actual < expected)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected {name} of at least {expected} bytes ({count} values as {dtype}), got {actual} bytes"), name);
    }
}
