namespace BigDL.Distributed;

/// <summary>How gradients and weights are compressed on the wire between ranks; the owner of a slice keeps full-precision masters whatever the choice.</summary>
public enum WireCompression
{
    /// <summary>No compression: float parameters travel as FP32, double ones as FP64; results match one process to float tolerance.</summary>
    None,

    /// <summary>BigDL's FP16 compression: the top 16 bits of each FP32 value (truncated), half the bytes.</summary>
    TruncatedFloat16,

    /// <summary>bfloat16, rounded to nearest even: FP32's range with 8 bits of precision, half the bytes.</summary>
    BFloat16,

    /// <summary>IEEE binary16, rounded to nearest even: 11 bits of precision, range ±65504, half the bytes.</summary>
    Float16,
}
