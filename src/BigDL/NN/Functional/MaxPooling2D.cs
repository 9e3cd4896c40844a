using System.Numerics;

namespace BigDL.NN;

/// <summary>Max pooling over planes of H×W values, remembering where each maximum came from (first on ties).</summary>
internal static class MaxPooling2D
{
    /// <summary>Pools <paramref name="planes"/> planes; <paramref name="argmax"/> receives in-plane indices.</summary>
    public static void Forward<T>(T[] input, int inputOffset, T[] output, int outputOffset, int[] argmax, int planes,
        int height, int width, int outH, int outW, int kH, int kW, int dH, int dW, int padH, int padW)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        void Plane(int p)
        {
            var x = input.AsSpan(inputOffset + p * height * width, height * width);
            var y = output.AsSpan(outputOffset + p * outH * outW, outH * outW);
            var where = argmax.AsSpan(p * outH * outW, outH * outW);
            for (int oy = 0; oy < outH; oy++)
            {
                int y0 = Math.Max(oy * dH - padH, 0), y1 = Math.Min(oy * dH - padH + kH, height);
                for (int ox = 0; ox < outW; ox++)
                {
                    int x0 = Math.Max(ox * dW - padW, 0), x1 = Math.Min(ox * dW - padW + kW, width);
                    T best = T.NegativeInfinity;
                    int at = y0 * width + x0;
                    for (int iy = y0; iy < y1; iy++)
                        for (int ix = x0; ix < x1; ix++)
                        {
                            T v = x[iy * width + ix];
                            if (v > best || T.IsNaN(v))
                            {
                                best = v;
                                at = iy * width + ix;
                            }
                        }
                    y[oy * outW + ox] = best;
                    where[oy * outW + ox] = at;
                }
            }
        }
        if ((long)planes * outH * outW * kH * kW < 1 << 16) for (int p = 0; p < planes; p++) Plane(p);
        else Parallel.For(0, planes, Engine.ParallelOptions, Plane);
    }

    /// <summary>Routes each output gradient to the input position of its maximum.</summary>
    public static void Backward<T>(T[] gradOutput, int gradOutputOffset, T[] gradInput, int gradInputOffset, int[] argmax,
        int planes, int height, int width, int outH, int outW) where T : unmanaged, IFloatingPointIeee754<T>
    {
        void Plane(int p)
        {
            var g = gradOutput.AsSpan(gradOutputOffset + p * outH * outW, outH * outW);
            var dx = gradInput.AsSpan(gradInputOffset + p * height * width, height * width);
            var where = argmax.AsSpan(p * outH * outW, outH * outW);
            dx.Clear();
            for (int i = 0; i < g.Length; i++) dx[where[i]] += g[i];
        }
        if ((long)planes * height * width < 1 << 16) for (int p = 0; p < planes; p++) Plane(p);
        else Parallel.For(0, planes, Engine.ParallelOptions, Plane);
    }
}
