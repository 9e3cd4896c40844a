using System.Numerics;

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
                        if (v > best || T.IsNaN(v))
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
