using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

namespace BigDL.Visualization;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of TensorFlow's record files, and the masking
/// TFRecord applies to it. BigDL's <c>RecordWriter</c> takes the same checksum from netty's <c>Crc32c</c>.
/// </summary>
/// <remarks>
/// Uses the SSE4.2 <c>crc32</c> instruction (eight bytes per step) where the processor has it, else a 256-entry table.
/// </remarks>
internal static class Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78u;
    private const uint MaskDelta = 0xA282EAD8u;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>, through the fastest implementation present.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) =>
        Sse42.X64.IsSupported ? ComputeWithSse42(data) : ComputeWithTable(data);

    /// <summary>TFRecord's masked checksum: the CRC rotated right by 15 bits plus 0xA282EAD8.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The masked CRC-32C of <paramref name="data"/>, as stored in a TFRecord.</summary>
    public static uint ComputeMasked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    /// <summary>The table implementation, used where SSE4.2 is missing (and by tests on every machine).</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        foreach (byte b in data)
            crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>The SSE4.2 implementation; only valid where <see cref="Sse42.X64.IsSupported"/>.</summary>
    internal static uint ComputeWithSse42(ReadOnlySpan<byte> data)
    {
        ulong crc = ~0u;
        int i = 0;
        for (; i + sizeof(ulong) <= data.Length; i += sizeof(ulong))
            crc = Sse42.X64.Crc32(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        uint crc32 = (uint)crc;
        for (; i < data.Length; i++)
            crc32 = Sse42.Crc32(crc32, data[i]);
        return ~crc32;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
