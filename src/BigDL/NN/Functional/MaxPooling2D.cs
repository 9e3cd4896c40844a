using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>Max pooling over planes of H×W values, remembering where each maximum came from (first on ties).</summary>
internal static class MaxPooling2D
{
    /// <summary>Window geometry.</summary>
    public readonly record struct Window(int Height, int Width, int OutH, int OutW, int KH, int KW, int DH, int DW, int PadH, int PadW);

    /// <summary>Pools <paramref name="planes"/> planes; <paramref name="argmax"/> receives in-plane indices.</summary>
    public static void Forward<T>(T[] input, int inputOffset, T[] output, int outputOffset, int[] argmax, int planes, Window w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)planes * w.OutH * w.OutW * w.KH * w.KW < 1 << 16)
            for (int p = 0; p < planes; p++) ForwardPlane(input, inputOffset, output, outputOffset, argmax, p, w);
        else Engine.For(planes, p => ForwardPlane(input, inputOffset, output, outputOffset, argmax, p, w));
    }

    /// <summary>Routes each output gradient to the input position of its maximum.</summary>
    public static void Backward<T>(T[] gradOutput, int gradOutputOffset, T[] gradInput, int gradInputOffset, int[] argmax, int planes, Window w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)planes * w.Height * w.Width < 1 << 16)
            for (int p = 0; p < planes; p++) BackwardPlane(gradOutput, gradOutputOffset, gradInput, gradInputOffset, argmax, p, w);
        else Engine.For(planes, p => BackwardPlane(gradOutput, gradOutputOffset, gradInput, gradInputOffset, argmax, p, w));
    }

    private static void ForwardPlane<T>(T[] input, int inputOffset, T[] output, int outputOffset, int[] argmax, int p, Window w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int height = w.Height, width = w.Width, outH = w.OutH, outW = w.OutW;
        var x = input.AsSpan(inputOffset + p * height * width, height * width);
        var y = output.AsSpan(outputOffset + p * outH * outW, outH * outW);
        var where = argmax.AsSpan(p * outH * outW, outH * outW);
        if (w is { KH: 2, KW: 2, DH: 2, DW: 2, PadH: 0, PadW: 0 } && 2 * outH <= height && 2 * outW <= width)
        {
            TwoByTwo(x, width, y, where, outH, outW);
            return;
        }
        for (int oy = 0; oy < outH; oy++)
        {
            int y0 = Math.Max(oy * w.DH - w.PadH, 0), y1 = Math.Min(oy * w.DH - w.PadH + w.KH, height);
            for (int ox = 0; ox < outW; ox++)
            {
                int x0 = Math.Max(ox * w.DW - w.PadW, 0), x1 = Math.Min(ox * w.DW - w.PadW + w.KW, width);
                T best = T.NegativeInfinity;
                int at = y0 * width + x0;
                for (int iy = y0; iy < y1; iy++)
                {
                    int row = iy * width;
                    for (int ix = x0; ix < x1; ix++)
                    {
                        T v = x[row + ix];
                        if (Beats(v, best))
                        {
                            best = v;
                            at = row + ix;
                        }
                    }
                }
                y[oy * outW + ox] = best;
                where[oy * outW + ox] = at;
            }
        }
    }

    /// <summary>
    /// The common 2×2, stride-2 window without padding (LeNet's, VGG's). Random data makes every comparison of the
    /// general loop a coin flip for the branch predictor, so floats take a branch-free path: four outputs at a time,
    /// each row's eight inputs split into even and odd columns by one permute, maxima and their indices chosen by
    /// compare-and-blend. Other element types and the last outputs of a row go one by one.
    /// </summary>
    private static void TwoByTwo<T>(ReadOnlySpan<T> x, int width, Span<T> y, Span<int> where, int outH, int outW) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int oy = 0; oy < outH; oy++)
        {
            int top = 2 * oy * width;
            var upper = x.Slice(top, 2 * outW);
            var lower = x.Slice(top + width, 2 * outW);
            var outputs = y.Slice(oy * outW, outW);
            var indices = where.Slice(oy * outW, outW);
            int ox = typeof(T) == typeof(float) && Vector128.IsHardwareAccelerated && Vector256.IsHardwareAccelerated
                ? FourAtATime(MemoryMarshal.Cast<T, float>(upper), MemoryMarshal.Cast<T, float>(lower), MemoryMarshal.Cast<T, float>(outputs), indices, top, width)
                : 0;
            for (; ox < outputs.Length; ox++)
            {
                int left = 2 * ox;
                T best = upper[left];
                int at = top + left;
                // Row-major order, first maximum kept, NaN wins: as the general loop.
                if (Beats(upper[left + 1], best)) (best, at) = (upper[left + 1], top + left + 1);
                if (Beats(lower[left], best)) (best, at) = (lower[left], top + width + left);
                if (Beats(lower[left + 1], best)) (best, at) = (lower[left + 1], top + width + left + 1);
                outputs[ox] = best;
                indices[ox] = at;
            }
        }
    }

    /// <summary>Outputs 0, 4, 8, … of a row of 2×2 windows while four fit; returns how many were written.</summary>
    private static int FourAtATime(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, Span<float> outputs, Span<int> indices, int top, int width)
    {
        var split = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var even = Vector128.Create(0, 2, 4, 6);
        int ox = 0;
        for (; ox + 4 <= outputs.Length; ox += 4)
        {
            var u = Vector256.Shuffle(Vector256.Create(upper.Slice(2 * ox, 8)), split);
            var l = Vector256.Shuffle(Vector256.Create(lower.Slice(2 * ox, 8)), split);
            var at = Vector128.Create(top + 2 * ox) + even;
            var best = u.GetLower();
            var where = at;
            Keep(u.GetUpper(), at + Vector128<int>.One, ref best, ref where);
            Keep(l.GetLower(), at + Vector128.Create(width), ref best, ref where);
            Keep(l.GetUpper(), at + Vector128.Create(width + 1), ref best, ref where);
            best.CopyTo(outputs[ox..]);
            where.CopyTo(indices[ox..]);
        }
        return ox;
    }

    /// <summary>Takes <paramref name="candidate"/> where it beats <paramref name="best"/>: greater, or NaN over a number.</summary>
    private static void Keep(Vector128<float> candidate, Vector128<int> index, ref Vector128<float> best, ref Vector128<int> where)
    {
        var nan = ~Vector128.Equals(candidate, candidate);
        var beats = Vector128.GreaterThan(candidate, best) | (nan & Vector128.Equals(best, best));
        best = Vector128.ConditionalSelect(beats, candidate, best);
        where = Vector128.ConditionalSelect(beats.AsInt32(), index, where);
    }

    private static bool Beats<T>(T v, T best) where T : unmanaged, IFloatingPointIeee754<T> => v > best || (T.IsNaN(v) && !T.IsNaN(best));

    private static void BackwardPlane<T>(T[] gradOutput, int gradOutputOffset, T[] gradInput, int gradInputOffset, int[] argmax, int p, Window w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int positions = w.OutH * w.OutW;
        var g = gradOutput.AsSpan(gradOutputOffset + p * positions, positions);
        var dx = gradInput.AsSpan(gradInputOffset + p * w.Height * w.Width, w.Height * w.Width);
        var where = argmax.AsSpan(p * positions, positions);
        dx.Clear();
        for (int i = 0; i < g.Length; i++) dx[where[i]] += g[i];
    }
}
