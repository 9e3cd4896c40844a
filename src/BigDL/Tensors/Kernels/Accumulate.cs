using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// Span kernels for <see cref="IAccumulateOp"/> reductions, accumulating in double. The summation order depends
/// only on the length (never on the address or the thread), and only <see cref="Vector256"/> is used, so an
/// AVX2 machine and an AVX-512 one produce the same bits.
/// </summary>
internal static class Accumulate
{
    /// <summary>Combines <c>Transform(x[i] − center)</c> over a contiguous span (the center is used only by centered ops).</summary>
    public static double Span<T, TOp>(ReadOnlySpan<T> x, TOp op, double center = 0)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        if (typeof(T) == typeof(float)) return SpanOfFloat(MemoryMarshal.Cast<T, float>(x), op, center);
        if (typeof(T) == typeof(double)) return SpanOfDouble(MemoryMarshal.Cast<T, double>(x), op, center);
        return Scalar(x, op, center, op.Identity);
    }

    /// <summary>Combines <c>Transform(data[offset + k·stride] − center)</c> for k in [0, length), in order.</summary>
    public static double Strided<T, TOp>(T[] data, int offset, int stride, int length, TOp op, double center = 0)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        double acc = op.Identity;
        for (int k = 0; k < length; k++)
            acc = op.Combine(acc, op.Transform(Shift(op, double.CreateTruncating(data[offset + k * stride]), center)));
        return acc;
    }

    /// <summary>
    /// For each column j &lt; <c>acc.Length</c>: <c>acc[j]</c> = combination over rows k of
    /// <c>Transform(data[offset + k·rowStride + j] − centers[j])</c>, rows taken in order (so every column is
    /// reduced exactly as <see cref="Strided"/> would reduce it). <paramref name="centers"/> is read only by centered ops.
    /// </summary>
    public static void Columns<T, TOp>(T[] data, int offset, int rowStride, int rows, Span<double> acc, ReadOnlySpan<double> centers, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        acc.Fill(op.Identity);
        for (int k = 0; k < rows; k++)
        {
            var row = new ReadOnlySpan<T>(data, offset + k * rowStride, acc.Length);
            if (typeof(T) == typeof(float)) FloatRow(MemoryMarshal.Cast<T, float>(row), acc, centers, op);
            else if (typeof(T) == typeof(double)) DoubleRow(MemoryMarshal.Cast<T, double>(row), acc, centers, op);
            else
                for (int j = 0; j < acc.Length; j++)
                    acc[j] = op.Combine(acc[j], op.Transform(Shift(op, double.CreateTruncating(row[j]), op.Centered ? centers[j] : 0)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Shift<TOp>(TOp op, double x, double center) where TOp : struct, IAccumulateOp
        => op.Centered ? x - center : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Shift<TOp>(TOp op, Vector256<double> x, Vector256<double> center) where TOp : struct, IAccumulateOp
        => op.Centered ? x - center : x;

    private static double SpanOfFloat<TOp>(ReadOnlySpan<float> x, TOp op, double center) where TOp : struct, IAccumulateOp
    {
        int i = 0;
        double acc = op.Identity;
        if (Vector256.IsHardwareAccelerated && x.Length >= 16)
        {
            ref float r = ref MemoryMarshal.GetReference(x);
            var c = Vector256.Create(center);
            var a0 = Vector256.Create(op.Identity);
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            for (; i <= x.Length - 16; i += 16)
            {
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)(i + 8)));
                a0 = op.Combine(a0, op.Transform(Shift(op, l0, c)));
                a1 = op.Combine(a1, op.Transform(Shift(op, h0, c)));
                a2 = op.Combine(a2, op.Transform(Shift(op, l1, c)));
                a3 = op.Combine(a3, op.Transform(Shift(op, h1, c)));
            }
            if (i <= x.Length - 8)
            {
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                a0 = op.Combine(a0, op.Transform(Shift(op, l0, c)));
                a1 = op.Combine(a1, op.Transform(Shift(op, h0, c)));
                i += 8;
            }
            acc = Horizontal(op.Combine(op.Combine(a0, a1), op.Combine(a2, a3)), op);
        }
        for (; i < x.Length; i++) acc = op.Combine(acc, op.Transform(Shift(op, x[i], center)));
        return acc;
    }

    private static double SpanOfDouble<TOp>(ReadOnlySpan<double> x, TOp op, double center) where TOp : struct, IAccumulateOp
    {
        int i = 0;
        double acc = op.Identity;
        if (Vector256.IsHardwareAccelerated && x.Length >= 16)
        {
            ref double r = ref MemoryMarshal.GetReference(x);
            var c = Vector256.Create(center);
            var a0 = Vector256.Create(op.Identity);
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            for (; i <= x.Length - 16; i += 16)
            {
                a0 = op.Combine(a0, op.Transform(Shift(op, Vector256.LoadUnsafe(ref r, (nuint)i), c)));
                a1 = op.Combine(a1, op.Transform(Shift(op, Vector256.LoadUnsafe(ref r, (nuint)(i + 4)), c)));
                a2 = op.Combine(a2, op.Transform(Shift(op, Vector256.LoadUnsafe(ref r, (nuint)(i + 8)), c)));
                a3 = op.Combine(a3, op.Transform(Shift(op, Vector256.LoadUnsafe(ref r, (nuint)(i + 12)), c)));
            }
            for (; i <= x.Length - 4; i += 4)
                a0 = op.Combine(a0, op.Transform(Shift(op, Vector256.LoadUnsafe(ref r, (nuint)i), c)));
            acc = Horizontal(op.Combine(op.Combine(a0, a1), op.Combine(a2, a3)), op);
        }
        for (; i < x.Length; i++) acc = op.Combine(acc, op.Transform(Shift(op, x[i], center)));
        return acc;
    }

    private static double Scalar<T, TOp>(ReadOnlySpan<T> x, TOp op, double center, double acc)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
    {
        for (int i = 0; i < x.Length; i++) acc = op.Combine(acc, op.Transform(Shift(op, double.CreateTruncating(x[i]), center)));
        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Horizontal<TOp>(Vector256<double> v, TOp op) where TOp : struct, IAccumulateOp
        => op.Combine(op.Combine(v.GetElement(0), v.GetElement(1)), op.Combine(v.GetElement(2), v.GetElement(3)));

    private static void FloatRow<TOp>(ReadOnlySpan<float> row, Span<double> acc, ReadOnlySpan<double> centers, TOp op)
        where TOp : struct, IAccumulateOp
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float r = ref MemoryMarshal.GetReference(row);
            ref double a = ref MemoryMarshal.GetReference(acc);
            ref double c = ref MemoryMarshal.GetReference(centers);
            for (; j <= row.Length - 8; j += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)j));
                if (op.Centered)
                {
                    lo -= Vector256.LoadUnsafe(ref c, (nuint)j);
                    hi -= Vector256.LoadUnsafe(ref c, (nuint)(j + 4));
                }
                op.Combine(Vector256.LoadUnsafe(ref a, (nuint)j), op.Transform(lo)).StoreUnsafe(ref a, (nuint)j);
                op.Combine(Vector256.LoadUnsafe(ref a, (nuint)(j + 4)), op.Transform(hi)).StoreUnsafe(ref a, (nuint)(j + 4));
            }
        }
        for (; j < row.Length; j++) acc[j] = op.Combine(acc[j], op.Transform(Shift(op, row[j], op.Centered ? centers[j] : 0)));
    }

    private static void DoubleRow<TOp>(ReadOnlySpan<double> row, Span<double> acc, ReadOnlySpan<double> centers, TOp op)
        where TOp : struct, IAccumulateOp
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double r = ref MemoryMarshal.GetReference(row);
            ref double a = ref MemoryMarshal.GetReference(acc);
            ref double c = ref MemoryMarshal.GetReference(centers);
            for (; j <= row.Length - 4; j += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)j);
                if (op.Centered) v -= Vector256.LoadUnsafe(ref c, (nuint)j);
                op.Combine(Vector256.LoadUnsafe(ref a, (nuint)j), op.Transform(v)).StoreUnsafe(ref a, (nuint)j);
            }
        }
        for (; j < row.Length; j++) acc[j] = op.Combine(acc[j], op.Transform(Shift(op, row[j], op.Centered ? centers[j] : 0)));
    }
}
