namespace BigDL.Distributed.Wire;

/// <summary>How the values of a frame's payload are encoded, each little-endian.</summary>
public enum WireDType : byte
{
    /// <summary>IEEE binary32, exact for float parameters (no compression).</summary>
    Float32 = 1,

    /// <summary>IEEE binary64, exact for double parameters (no compression).</summary>
    Float64 = 2,

    /// <summary>
    /// BigDL's <c>FP16CompressedTensor</c>: the top 16 bits of the binary32 value, truncated (rounding toward zero);
    /// decoded by appending 16 zero bits. A NaN whose payload sits only in the dropped bits becomes an infinity, as in BigDL.
    /// </summary>
    TruncatedFloat16 = 3,

    /// <summary>IEEE-style bfloat16 (8 exponent bits, 7 mantissa bits) rounded to nearest, ties to even; NaN stays NaN (quieted).</summary>
    BFloat16 = 4,

    /// <summary>IEEE binary16 rounded to nearest, ties to even: subnormals kept, overflow to infinity, NaN stays NaN.</summary>
    Float16 = 5,
}
