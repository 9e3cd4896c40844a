using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

public class EventCodecTests
{
    [Fact]
    public void Encode_ScalarEvent_MatchesHandDerivedBytes()
    {
        // Event { wall_time = 1.5, step = 3, summary { value { tag = "Loss", simple_value = 0.25 } } }
        // 1.5 is the double 0x3FF8000000000000 and 0.25 the float 0x3E800000, both little-endian on the wire.
        byte[] expected =
        [
            0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F, // field 1 (wall_time), wire type 1 (64-bit)
            0x10, 0x03,                                           // field 2 (step), wire type 0 (varint): 3
            0x2A, 0x0D,                                           // field 5 (summary), wire type 2, 13 bytes:
            0x0A, 0x0B,                                           //   Summary field 1 (value), 11 bytes:
            0x0A, 0x04, (byte)'L', (byte)'o', (byte)'s', (byte)'s', //   Value field 1 (tag), 4 bytes "Loss"
            0x15, 0x00, 0x00, 0x80, 0x3E,                         //     Value field 2 (simple_value), wire type 5 (32-bit)
        ];
        Assert.Equal(expected, EventCodec.Encode(TensorFlowEvent.Scalar(1.5, 3, "Loss", 0.25f)));
    }

    [Fact]
    public void Encode_FileVersionEvent_MatchesHandDerivedBytes()
    {
        byte[] expected =
        [
            0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x3F, // wall_time = 1.0 (0x3FF0000000000000)
            0x1A, 0x0D, .. "brain.Event:2"u8,                     // field 3 (file_version), wire type 2, 13 bytes
        ];
        Assert.Equal(expected, EventCodec.Encode(new TensorFlowEvent(1.0, 0, "brain.Event:2", null)));
    }

    [Fact]
    public void Encode_DefaultsAndMultiByteVarint_OmitsPlainDefaultsKeepsOneofZero()
    {
        // wall_time 0 and step 0 are proto3 defaults and left out; step 300 = 0b10_0101100 is the varint AC 02;
        // simple_value 0 is a oneof member and still written.
        byte[] expected =
        [
            0x10, 0xAC, 0x02,
            0x2A, 0x0A, 0x0A, 0x08, 0x0A, 0x01, (byte)'a', 0x15, 0x00, 0x00, 0x00, 0x00,
        ];
        Assert.Equal(expected, EventCodec.Encode(TensorFlowEvent.Scalar(0, 300, "a", 0f)));
    }

    [Fact]
    public void Encode_NegativeStep_IsTenByteTwosComplementVarint()
    {
        byte[] expected = [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        Assert.Equal(expected, EventCodec.Encode(new TensorFlowEvent(0, -1, null, null)));
    }

    [Fact]
    public void Decode_EncodedEvents_RoundTrip()
    {
        TensorFlowEvent[] events =
        [
            TensorFlowEvent.Scalar(1_700_000_000.123456, 42, "Loss", 2.302585f),
            TensorFlowEvent.Scalar(0, long.MinValue, "Top1Accuracy", float.NegativeInfinity),
            TensorFlowEvent.Scalar(3.0, long.MaxValue, "Verlust-Ü", -0.0f),
            new TensorFlowEvent(1.25, 0, TensorFlowEvent.CurrentFileVersion, null),
            new TensorFlowEvent(2.5, 7, null, [new SummaryValue("a", 1f), new SummaryValue("b", 2f)]),
        ];
        foreach (var e in events)
        {
            var back = EventCodec.Decode(EventCodec.Encode(e));
            Assert.Equal(e.WallTime, back.WallTime);
            Assert.Equal(e.Step, back.Step);
            Assert.Equal(e.FileVersion, back.FileVersion);
            Assert.Equal(e.Summary, back.Summary);
        }
    }

    [Fact]
    public void Decode_UnknownFieldsAndValueKinds_AreSkipped()
    {
        byte[] data =
        [
            0x10, 0x05,                                       // step = 5
            0x22, 0x02, 0xAA, 0xBB,                           // field 4 (graph_def), 2 bytes: skipped
            0x2A, 0x10,                                       // summary, 16 bytes:
            0x0A, 0x07, 0x0A, 0x01, (byte)'h', 0x2A, 0x02, 0x08, 0x01, //   value "h" holding a histogram (field 5)
            0x0A, 0x05, 0x0A, 0x01, (byte)'s', 0x38, 0x09,    //   value "s" with an unknown varint field 7
            0x3D, 0x00, 0x00, 0x80, 0x3F,                     // field 7, 32-bit: skipped
        ];
        var e = EventCodec.Decode(data);
        Assert.Equal(5, e.Step);
        Assert.Null(e.FileVersion);
        Assert.Equal([new SummaryValue("h", null), new SummaryValue("s", null)], e.Summary!);
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x80 }, "truncated varint at byte 1")]
    [InlineData(new byte[] { 0x2A, 0x05, 0x0A }, "length 5 runs past the end")]
    [InlineData(new byte[] { 0x0B }, "unsupported wire type 3 at byte 1")]
    [InlineData(new byte[] { 0x09, 0x00, 0x00 }, "truncated double")]
    [InlineData(new byte[] { 0x2A, 0x04, 0x0A, 0x02, 0x0A, 0x05 }, "length 5 runs past the end of the enclosing 2-byte message at byte 5")]
    public void Decode_Malformed_ThrowsNamingProblemAndPosition(byte[] data, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => EventCodec.Decode(data));
        Assert.Contains(expected, e.Message);
    }
}
