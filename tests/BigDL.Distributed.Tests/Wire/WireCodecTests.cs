using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Tests.Wire;

public class WireCodecTests
{
    [Theory]
    [InlineData(0x3F80_0000u, 0x3F80)] // 1.0
    [InlineData(0x3F80_8000u, 0x3F80)] // 1 + 2^-8: a tie, the even neighbour is below
    [InlineData(0x3F81_8000u, 0x3F82)] // a tie whose lower neighbour is odd: rounds up to even
    [InlineData(0x3F80_8001u, 0x3F81)] // just above the tie
    [InlineData(0x3F80_7FFFu, 0x3F80)] // just below the tie
    [InlineData(0xBF80_8001u, 0xBF81)] // the sign does not change the rounding
    [InlineData(0x7F7F_FFFFu, 0x7F80)] // the largest float rounds to +inf
    [InlineData(0xFF80_0000u, 0xFF80)] // -inf stays -inf
    [InlineData(0x8000_0000u, 0x8000)] // -0
    [InlineData(0x0000_8000u, 0x0000)] // a subnormal tie rounds to even (zero)
    [InlineData(0x0001_8000u, 0x0002)] // a subnormal tie rounds to even (up)
    [InlineData(0x7FC0_0000u, 0x7FC0)] // quiet NaN
    [InlineData(0x7F80_0001u, 0x7FC0)] // signalling NaN with a low payload: quieted, never an infinity
    [InlineData(0xFFA0_0000u, 0xFFE0)] // negative NaN keeps its sign and top payload
    public void Encode_BFloat16_RoundsToNearestEven(uint floatBits, int expected)
        => Assert.Equal(expected, EncodeOne(WireDType.BFloat16, BitConverter.UInt32BitsToSingle(floatBits)));

    [Theory]
    [InlineData(0x3F80_FFFFu, 0x3F80)]
    [InlineData(0xBF9F_FFFFu, 0xBF9F)]
    [InlineData(0x7F7F_FFFFu, 0x7F7F)]
    [InlineData(0x7F80_0001u, 0x7F80)] // BigDL's behaviour: a NaN with a low payload becomes +inf
    public void Encode_TruncatedFloat16_KeepsTheTopSixteenBits(uint floatBits, int expected)
        => Assert.Equal(expected, EncodeOne(WireDType.TruncatedFloat16, BitConverter.UInt32BitsToSingle(floatBits)));

    [Theory]
    [InlineData(1.0f, 0x3C00)]
    [InlineData(-2.0f, 0xC000)]
    [InlineData(65504f, 0x7BFF)] // largest finite
    [InlineData(65519f, 0x7BFF)] // below the tie with 65536
    [InlineData(65520f, 0x7C00)] // the tie rounds to even, which is the overflow: +inf
    [InlineData(1e10f, 0x7C00)]
    [InlineData(float.NegativeInfinity, 0xFC00)]
    [InlineData(6.103515625e-05f, 0x0400)] // 2^-14, smallest normal
    [InlineData(5.9604644775390625e-08f, 0x0001)] // 2^-24, smallest subnormal
    [InlineData(2.98023223876953125e-08f, 0x0000)] // 2^-25: tie between 0 and 2^-24, even is 0
    [InlineData(8.94069671630859375e-08f, 0x0002)] // 3·2^-25: tie between 1 and 2 ulps, even is 2
    [InlineData(1.00048828125f, 0x3C00)] // 1 + 2^-11: tie, even below
    [InlineData(1.00146484375f, 0x3C02)] // 1 + 3·2^-11: tie, even above
    public void Encode_Float16_RoundsToNearestEvenWithSubnormalsAndOverflow(float value, int expected)
        => Assert.Equal(expected, EncodeOne(WireDType.Float16, value));

    [Fact]
    public void Encode_Float16_KeepsNaN()
    {
        int bits = EncodeOne(WireDType.Float16, float.NaN);

        Assert.Equal(0x7C00, bits & 0x7C00);
        Assert.NotEqual(0, bits & 0x03FF);
    }

    [Theory]
    [InlineData(WireDType.BFloat16)]
    [InlineData(WireDType.TruncatedFloat16)]
    [InlineData(WireDType.Float16)]
    public void Decode_EverySixteenBitPattern_ReencodesToItself(WireDType dtype)
    {
        var patterns = new ushort[65536];
        for (int i = 0; i < patterns.Length; i++) patterns[i] = (ushort)i;
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(patterns.AsSpan()).ToArray();
        var values = new float[patterns.Length];
        var again = new byte[bytes.Length];

        WireCodec.Decode<float>(bytes, dtype, values);
        WireCodec.Encode<float>(values, dtype, again);

        var back = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(again);
        for (int i = 0; i < patterns.Length; i++)
        {
            if (float.IsNaN(values[i])) Assert.True(IsNaN16(dtype, back[i]), $"pattern 0x{i:X4} decoded to NaN must stay NaN, got 0x{back[i]:X4}");
            else Assert.True(patterns[i] == back[i], $"pattern 0x{i:X4} came back as 0x{back[i]:X4}");
        }
    }

    [Theory]
    [InlineData(WireDType.BFloat16)]
    [InlineData(WireDType.TruncatedFloat16)]
    [InlineData(WireDType.Float16)]
    public void Encode_LongSpans_MatchOneValueAtATime(WireDType dtype)
    {
        var random = new Random(17);
        uint[] special = [0x3F80_8000u, 0x3F81_8000u, 0x7F7F_FFFFu, 0x7F80_0001u, 0xFFA0_0000u, 0x0000_8000u, 0x8000_0000u, 0xFF80_0000u];
        var values = Enumerable.Range(0, 1003).Select(i => BitConverter.UInt32BitsToSingle(i % 3 == 0 ? special[i / 3 % special.Length] : (uint)random.NextInt64(0, 1L << 32))).ToArray();
        var bulk = new byte[values.Length * 2];
        var decoded = new float[values.Length];

        WireCodec.Encode<float>(values, dtype, bulk);
        WireCodec.Decode<float>(bulk, dtype, decoded);

        for (int i = 0; i < values.Length; i++)
        {
            int single = EncodeOne(dtype, values[i]);
            Assert.True(single == BitConverter.ToUInt16(bulk, 2 * i), $"value {i} (0x{BitConverter.SingleToUInt32Bits(values[i]):X8}): one at a time 0x{single:X4}, in a span 0x{BitConverter.ToUInt16(bulk, 2 * i):X4}");
            var one = new float[1];
            WireCodec.Decode<float>(bulk.AsSpan(2 * i, 2), dtype, one);
            Assert.Equal(BitConverter.SingleToUInt32Bits(one[0]), BitConverter.SingleToUInt32Bits(decoded[i]));
        }
    }

    [Theory]
    [InlineData(0x3F81, 0x3F81_0000u)]
    [InlineData(0xFF80, 0xFF80_0000u)]
    public void Decode_BFloat16_AppendsSixteenZeroBits(int bits, uint expected)
    {
        var value = new float[1];

        WireCodec.Decode<float>(BitConverter.GetBytes((ushort)bits), WireDType.BFloat16, value);

        Assert.Equal(expected, BitConverter.SingleToUInt32Bits(value[0]));
    }

    [Theory]
    [InlineData(WireDType.Float32)]
    [InlineData(WireDType.Float64)]
    public void RoundTrip_Float_IsExact(WireDType dtype)
    {
        float[] values = [1.1f, -0.0f, float.Epsilon, float.MaxValue, float.NegativeInfinity, 3.14159274f];
        var bytes = new byte[WireCodec.EncodedLength(dtype, values.Length)];
        var back = new float[values.Length];

        WireCodec.Encode<float>(values, dtype, bytes);
        WireCodec.Decode<float>(bytes, dtype, back);

        Assert.Equal(values.Select(BitConverter.SingleToUInt32Bits), back.Select(BitConverter.SingleToUInt32Bits));
        if (dtype == WireDType.Float32) Assert.Equal(BitConverter.GetBytes(1.1f), bytes[..4]);
    }

    [Fact]
    public void RoundTrip_DoubleAsFloat64_IsExact()
    {
        double[] values = [Math.PI, -1e300, double.Epsilon];
        var bytes = new byte[24];
        var back = new double[3];

        WireCodec.Encode<double>(values, WireDType.Float64, bytes);
        WireCodec.Decode<double>(bytes, WireDType.Float64, back);

        Assert.Equal(values, back);
    }

    [Fact]
    public void Encode_DoubleAsBFloat16_MatchesTheFloatPathOnEveryChunk()
    {
        var values = Enumerable.Range(0, 600).Select(i => Math.Sin(i) * Math.Pow(10, i % 7 - 3)).ToArray();
        var fromDouble = new byte[1200];
        var fromFloat = new byte[1200];
        var back = new double[600];

        WireCodec.Encode<double>(values, WireDType.BFloat16, fromDouble);
        WireCodec.Encode<float>([.. values.Select(v => (float)v)], WireDType.BFloat16, fromFloat);
        WireCodec.Decode<double>(fromDouble, WireDType.BFloat16, back);

        Assert.Equal(fromFloat, fromDouble);
        for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], back[i], Math.Abs(values[i]) / 128);
    }

    [Fact]
    public void Encode_ShortDestination_ThrowsNamingExpectedAndActualBytes()
    {
        var error = Assert.Throws<ArgumentException>(() => WireCodec.Encode<float>(new float[5], WireDType.Float16, new byte[9]));

        Assert.Equal("destination", error.ParamName);
        Assert.Contains("at least 10 bytes (5 values as Float16), got 9 bytes", error.Message);
    }

    [Fact]
    public void Decode_ShortSource_ThrowsNamingExpectedAndActualBytes()
    {
        var error = Assert.Throws<ArgumentException>(() => WireCodec.Decode<double>(new byte[7], WireDType.Float64, new double[1]));

        Assert.Equal("source", error.ParamName);
        Assert.Contains("at least 8 bytes", error.Message);
    }

    [Fact]
    public void ElementSize_UndefinedDType_Throws()
        => Assert.Equal("dtype", Assert.Throws<ArgumentOutOfRangeException>(() => WireCodec.ElementSize((WireDType)99)).ParamName);

    [Theory]
    [InlineData(WireDType.Float32)]
    [InlineData(WireDType.TruncatedFloat16)]
    [InlineData(WireDType.BFloat16)]
    [InlineData(WireDType.Float16)]
    public void EncodeAndDecode_AllocateNothing(WireDType dtype)
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i * 0.37f).ToArray();
        var bytes = new byte[WireCodec.EncodedLength(dtype, values.Length)];
        var doubles = new double[values.Length];
        WireCodec.Encode<float>(values, dtype, bytes);
        WireCodec.Decode<double>(bytes, dtype, doubles);

        long before = GC.GetAllocatedBytesForCurrentThread();
        WireCodec.Encode<float>(values, dtype, bytes);
        WireCodec.Decode<float>(bytes, dtype, values);
        WireCodec.Decode<double>(bytes, dtype, doubles);
        WireCodec.Encode<double>(doubles, dtype, bytes);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static int EncodeOne(WireDType dtype, float value)
    {
        var bytes = new byte[2];
        WireCodec.Encode<float>([value], dtype, bytes);
        return BitConverter.ToUInt16(bytes);
    }

    private static bool IsNaN16(WireDType dtype, ushort bits)
        => dtype == WireDType.Float16 ? (bits & 0x7C00) == 0x7C00 && (bits & 0x03FF) != 0 : (bits & 0x7F80) == 0x7F80 && (bits & 0x007F) != 0;
}
