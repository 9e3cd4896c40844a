using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BigDL.Native.Managed;

/// <summary>
/// Transposes an 8×8 block of floats in AVX registers (unpack, shuffle, lane permute: 24 instructions for 64 values),
/// for GEMM packing that reads rows and writes columns: A into MR = 8 micro-panels, transposed B into NR-wide ones.
/// </summary>
internal static unsafe class Transpose8x8
{
    /// <summary>Whether the hardware has the instructions (AVX).</summary>
    public static bool IsSupported => Avx.IsSupported;

    /// <summary>
    /// dst row q, column r = scale · src row r, column q, for q, r &lt; 8; rows of src are <paramref name="srcStride"/>
    /// floats apart, rows of dst <paramref name="dstStride"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(float* src, nint srcStride, float* dst, nint dstStride, float scale)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride);
        var r7 = Avx.LoadVector256(src + 7 * srcStride);
        // Interleave pairs of rows, then pairs of pairs: each 128-bit lane holds a 4×4 transpose.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        // Swap the 128-bit lanes across the two halves of the block.
        var s = Vector256.Create(scale);
        Avx.Store(dst, s * Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + dstStride, s * Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, s * Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * dstStride, s * Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, s * Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * dstStride, s * Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, s * Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * dstStride, s * Avx.Permute2x128(u3, u7, 0x31));
    }
}
