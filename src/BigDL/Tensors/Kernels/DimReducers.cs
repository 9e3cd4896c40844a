using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.Tensors.Kernels;

/// <summary>results[o] = Finish(combination of the slice) for an <see cref="IAccumulateOp"/> (sum, mean, prod, norms).</summary>
internal readonly struct AccumulateReducer<T, TOp>(T[] results, TOp op) : IDimReducer<T>
    where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IAccumulateOp
{
    public void Lane(T[] data, int offset, int stride, int length, int output)
    {
        double acc = stride == 1
            ? Accumulate.Span<T, TOp>(new ReadOnlySpan<T>(data, offset, length), op)
            : Accumulate.Strided(data, offset, stride, length, op);
        results[output] = T.CreateTruncating(op.Finish(acc, length));
    }

    public void Columns(T[] data, int offset, int rowStride, int rows, int width, int output)
    {
        Span<double> acc = stackalloc double[width];
        Accumulate.Columns(data, offset, rowStride, rows, acc, default, op);
        for (int j = 0; j < width; j++) results[output + j] = T.CreateTruncating(op.Finish(acc[j], rows));
    }
}

/// <summary>
/// results[o] = two-pass variance of the slice (mean first, then Σ (x − mean)²), divided by n − 1 when
/// <paramref name="unbiased"/> else n, and square-rooted when <paramref name="root"/> (standard deviation).
/// </summary>
internal readonly struct VarianceReducer<T>(T[] results, bool unbiased, bool root) : IDimReducer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Lane(T[] data, int offset, int stride, int length, int output)
    {
        double sum = stride == 1
            ? Accumulate.Span(new ReadOnlySpan<T>(data, offset, length), new SumOp())
            : Accumulate.Strided(data, offset, stride, length, new SumOp());
        double mean = sum / length;
        double squares = stride == 1
            ? Accumulate.Span(new ReadOnlySpan<T>(data, offset, length), new SquaredDeviationOp(), mean)
            : Accumulate.Strided(data, offset, stride, length, new SquaredDeviationOp(), mean);
        results[output] = Finish(squares, length);
    }

    public void Columns(T[] data, int offset, int rowStride, int rows, int width, int output)
    {
        Span<double> means = stackalloc double[width];
        Span<double> squares = stackalloc double[width];
        Accumulate.Columns(data, offset, rowStride, rows, means, default, new SumOp());
        for (int j = 0; j < width; j++) means[j] /= rows;
        Accumulate.Columns(data, offset, rowStride, rows, squares, means, new SquaredDeviationOp());
        for (int j = 0; j < width; j++) results[output + j] = Finish(squares[j], rows);
    }

    /// <summary>The variance (or deviation) of n elements whose squared deviations sum to <paramref name="squares"/>.</summary>
    internal static double Of(double squares, int n, bool unbiased, bool root)
    {
        double v = squares / (unbiased ? n - 1 : n);
        return root ? Math.Sqrt(v) : v;
    }

    private T Finish(double squares, int n) => T.CreateTruncating(Of(squares, n, unbiased, root));
}

/// <summary>
/// values[o], indices[o] = the largest (<paramref name="max"/>) or smallest element of the slice and its
/// 0-based position: the first occurrence on ties (−0 and +0 tie), and the first NaN if there is one.
/// </summary>
internal readonly struct ExtremeReducer<T>(T[] values, T[] indices, bool max) : IDimReducer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Lane(T[] data, int offset, int stride, int length, int output)
    {
        int best;
        if (stride == 1)
        {
            var span = new ReadOnlySpan<T>(data, offset, length);
            // Find the extreme value (NaN if any), then its first occurrence with −0 equal to +0: Torch's answer.
            best = FirstIndexOf(span, Extreme(span, max));
        }
        else
        {
            best = 0;
            T current = data[offset];
            for (int k = 1; k < length && !T.IsNaN(current); k++)
            {
                T v = data[offset + k * stride];
                if (max ? !(v <= current) : !(v >= current))
                {
                    current = v;
                    best = k;
                }
            }
        }
        values[output] = data[offset + best * stride];
        indices[output] = T.CreateTruncating(best);
    }

    /// <summary>
    /// NaN when the span holds one, else a value equal (==) to its largest (<paramref name="max"/>) or smallest
    /// element; which zero is returned when −0 and +0 tie is unspecified, as callers only compare with ==.
    /// </summary>
    internal static T Extreme(ReadOnlySpan<T> span, bool max)
    {
        T best = span[0];
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && span.Length >= 2 * Vector256<T>.Count)
        {
            ref T r = ref MemoryMarshal.GetReference(span);
            var a0 = Vector256.LoadUnsafe(ref r);
            var a1 = a0;
            var nan = Vector256<T>.Zero;
            for (; i <= span.Length - 2 * Vector256<T>.Count; i += 2 * Vector256<T>.Count)
            {
                var v0 = Vector256.LoadUnsafe(ref r, (nuint)i);
                var v1 = Vector256.LoadUnsafe(ref r, (nuint)(i + Vector256<T>.Count));
                nan |= ~Vector256.Equals(v0, v0) | ~Vector256.Equals(v1, v1);
                a0 = max ? Vector256.MaxNative(a0, v0) : Vector256.MinNative(a0, v0);
                a1 = max ? Vector256.MaxNative(a1, v1) : Vector256.MinNative(a1, v1);
            }
            if (nan != Vector256<T>.Zero) return T.NaN;
            var a = max ? Vector256.MaxNative(a0, a1) : Vector256.MinNative(a0, a1);
            for (int lane = 0; lane < Vector256<T>.Count; lane++)
            {
                T x = a.GetElement(lane);
                if (max ? x > best : x < best) best = x;
            }
        }
        for (; i < span.Length; i++)
        {
            T x = span[i];
            if (T.IsNaN(x)) return x;
            if (max ? x > best : x < best) best = x;
        }
        return best;
    }

    /// <summary>The first position holding <paramref name="value"/> (== equality, so −0 matches +0), or the first NaN when it is NaN.</summary>
    internal static int FirstIndexOf(ReadOnlySpan<T> span, T value)
    {
        bool nan = T.IsNaN(value);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            ref T r = ref MemoryMarshal.GetReference(span);
            var target = Vector256.Create(value);
            for (; i <= span.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                var hits = nan ? ~Vector256.Equals(v, v) : Vector256.Equals(v, target);
                uint bits = hits.ExtractMostSignificantBits();
                if (bits != 0) return i + BitOperations.TrailingZeroCount(bits);
            }
        }
        for (; i < span.Length; i++)
            if (nan ? T.IsNaN(span[i]) : span[i] == value) return i;
        return -1;
    }

    public void Columns(T[] data, int offset, int rowStride, int rows, int width, int output)
    {
        var bestValues = values.AsSpan(output, width);
        var bestIndices = indices.AsSpan(output, width);
        data.AsSpan(offset, width).CopyTo(bestValues);
        bestIndices.Clear();
        for (int k = 1; k < rows; k++)
        {
            var row = new ReadOnlySpan<T>(data, offset + k * rowStride, width);
            T position = T.CreateTruncating(k);
            int j = 0;
            if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            {
                ref T r = ref MemoryMarshal.GetReference(row);
                ref T bv = ref MemoryMarshal.GetReference(bestValues);
                ref T bi = ref MemoryMarshal.GetReference(bestIndices);
                var kv = Vector256.Create(position);
                for (; j <= width - Vector256<T>.Count; j += Vector256<T>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref r, (nuint)j);
                    var current = Vector256.LoadUnsafe(ref bv, (nuint)j);
                    var notAbove = max ? Vector256.LessThanOrEqual(v, current) : Vector256.GreaterThanOrEqual(v, current);
                    // Replace where the new value wins (or is NaN) and the current one is not already NaN.
                    var replace = ~notAbove & Vector256.Equals(current, current);
                    Vector256.ConditionalSelect(replace, v, current).StoreUnsafe(ref bv, (nuint)j);
                    Vector256.ConditionalSelect(replace, kv, Vector256.LoadUnsafe(ref bi, (nuint)j)).StoreUnsafe(ref bi, (nuint)j);
                }
            }
            for (; j < width; j++)
            {
                T v = row[j], current = bestValues[j];
                if ((max ? !(v <= current) : !(v >= current)) && !T.IsNaN(current))
                {
                    bestValues[j] = v;
                    bestIndices[j] = position;
                }
            }
        }
    }
}
