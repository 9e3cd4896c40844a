using System.Runtime.Intrinsics.X86;
using System.Text;
using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class Crc32CTests
{
    // Published CRC-32C check values: "123456789" is the catalogue's check value for CRC-32/ISCSI; the 32-byte
    // patterns are the test vectors of RFC 3720 (iSCSI), appendix B.4.
    public static TheoryData<byte[], uint> PublishedVectors => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283u },
        { new byte[32], 0x8A9136AAu },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43u },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794Eu },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5Cu },
        { [], 0u },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Compute_PublishedVector_MatchesCheckValue(byte[] data, uint expected) =>
        Assert.Equal(expected, Crc32C.Compute(data));

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void ComputeWithTable_PublishedVector_MatchesCheckValue(byte[] data, uint expected) =>
        Assert.Equal(expected, Crc32C.ComputeWithTable(data));

    [Fact]
    public void Compute_OnThisMachine_UsesTheSse42Instruction()
    {
        // The CI machine is x86-64 with SSE4.2; elsewhere the table path (tested above) is what Compute runs.
        Assert.True(Sse42.X64.IsSupported, "expected SSE4.2 on the x86-64 test machine");
        Assert.Equal(0xE3069283u, Crc32C.ComputeWithSse42(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Compute_EveryLengthAndOffset_AgreesWithTable()
    {
        var rng = new RandomGenerator(7);
        var buffer = new byte[256 + 8];
        foreach (ref byte b in buffer.AsSpan()) b = (byte)rng.NextUInt32();
        for (int offset = 0; offset < 8; offset++)
        {
            for (int length = 0; length <= 256; length++)
            {
                var span = buffer.AsSpan(offset, length);
                Assert.Equal(Crc32C.ComputeWithTable(span), Crc32C.Compute(span));
            }
        }
    }

    [Fact]
    public void Mask_RotatesRightBy15AndAddsDelta()
    {
        // By hand: 0x12345678 >> 15 = 0x00002468, 0x12345678 << 17 = 0xACF00000 (mod 2^32), OR = 0xACF02468,
        // + 0xA282EAD8 = 0x1_4F73_0F40, mod 2^32 = 0x4F730F40.
        Assert.Equal(0x4F730F40u, Crc32C.Mask(0x12345678u));
        Assert.Equal(0xA282EAD8u, Crc32C.Mask(0u));
    }
}
