using System.Buffers.Binary;
using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class TFRecordTests
{
    [Fact]
    public void Frame_ThreeBytes_IsLengthChecksumDataChecksum()
    {
        byte[] payload = [0x0A, 0x0B, 0x0C];
        byte[] record = TFRecord.Frame(payload);

        Assert.Equal(8 + 4 + 3 + 4, record.Length);
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0 }, record[..8]);
        Assert.Equal(Crc32C.Mask(Crc32C.ComputeWithTable(record[..8])), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(8)));
        Assert.Equal(payload, record[12..15]);
        Assert.Equal(Crc32C.Mask(Crc32C.ComputeWithTable(payload)), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(15)));
    }

    [Fact]
    public void Frame_EmptyPayload_EndsWithMaskOfZero()
    {
        // The CRC-32C of no bytes is 0, so the data checksum is the mask delta itself.
        byte[] record = TFRecord.Frame([]);
        Assert.Equal(16, record.Length);
        Assert.Equal(0xA282EAD8u, BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(12)));
    }

    [Fact]
    public void TryReadHeader_FramedRecord_GivesLength()
    {
        byte[] record = TFRecord.Frame(new byte[300]);
        Assert.True(TFRecord.TryReadHeader(record.AsSpan(0, TFRecord.HeaderSize), out ulong length));
        Assert.Equal(300ul, length);
    }

    [Fact]
    public void TryReadHeader_FlippedLengthBit_IsRejected()
    {
        byte[] record = TFRecord.Frame(new byte[300]);
        record[1] ^= 0x01;
        Assert.False(TFRecord.TryReadHeader(record.AsSpan(0, TFRecord.HeaderSize), out _));
    }

    [Fact]
    public void FooterMatches_FlippedDataBit_IsFalse()
    {
        byte[] payload = [1, 2, 3, 4];
        byte[] record = TFRecord.Frame(payload);
        var footer = record.AsSpan(record.Length - TFRecord.FooterSize);
        Assert.True(TFRecord.FooterMatches(payload, footer));
        payload[2] ^= 0x80;
        Assert.False(TFRecord.FooterMatches(payload, footer));
    }
}
