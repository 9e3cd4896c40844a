using BigDL.Distributed.Transport;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Tests.Transport;

public class FrameHeaderTests
{
    [Fact]
    public void WriteTo_LaysOutTheFieldsLittleEndian()
    {
        var bytes = new byte[FrameHeader.Size];

        new FrameHeader(FrameType.WeightSlice, 3, 0x0102, 1, 2, WireDType.Float16).WriteTo(bytes, 40);

        Assert.Equal(new byte[] { 2, 5, 0, 0, 3, 0, 0, 0, 2, 1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 40, 0, 0, 0 }, bytes);
    }

    [Fact]
    public void ReadFrom_GivesBackWhatWasWritten()
    {
        var header = new FrameHeader(FrameType.Scalars, 9, 123456, 3, 0, WireDType.Float64);
        var bytes = new byte[FrameHeader.Size + 5];

        header.WriteTo(bytes, 16);

        Assert.Equal((header, 16), FrameHeader.ReadFrom(bytes));
    }

    [Fact]
    public void SharedPayloadFlag_IsReadWhereAllowed_AndRefusedElsewhere()
    {
        var header = new FrameHeader(FrameType.GradientSlice, 1, 2, 1, 0, WireDType.Float32);
        var bytes = new byte[FrameHeader.Size];

        header.WriteTo(bytes, 8, FrameHeader.SharedPayload);

        Assert.Equal(FrameHeader.SharedPayload, bytes[2]);
        Assert.Equal((header, 8, FrameHeader.SharedPayload), FrameHeader.ReadFrom(bytes, FrameHeader.SharedPayload));
        Assert.Contains("reserved bytes must be 0", Assert.Throws<InvalidDataException>(() => FrameHeader.ReadFrom(bytes)).Message);
    }

    [Theory]
    [InlineData(0, 0, "frame type 0 is unknown")]
    [InlineData(1, 9, "frame dtype 9 is unknown")]
    [InlineData(2, 1, "reserved bytes must be 0")]
    public void ReadFrom_CorruptBytes_ThrowsSayingWhat(int index, byte value, string expected)
    {
        var bytes = new byte[FrameHeader.Size];
        new FrameHeader(FrameType.GradientSlice, 1, 1, 0, 1, WireDType.Float32).WriteTo(bytes, 8);
        bytes[index] = value;

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => FrameHeader.ReadFrom(bytes)).Message);
    }

    [Fact]
    public void ReadFrom_NegativeLength_Throws()
    {
        var bytes = new byte[FrameHeader.Size];
        new FrameHeader(FrameType.GradientSlice, 1, 1, 0, 1, WireDType.Float32).WriteTo(bytes, 8);
        bytes[23] = 0x80;

        Assert.Contains("negative field", Assert.Throws<InvalidDataException>(() => FrameHeader.ReadFrom(bytes)).Message);
    }

    [Fact]
    public void WriteTo_ShortDestination_ThrowsNamingSizes()
        => Assert.Contains("at least 24 bytes, got 10", Assert.Throws<ArgumentException>(() => default(FrameHeader).WriteTo(new byte[10], 0)).Message);
}
