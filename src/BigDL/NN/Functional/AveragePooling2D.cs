using System.Numerics;

namespace BigDL.NN;

/// <summary>Average pooling over planes of H×W values (the window clipped to the padded input, as Torch).</summary>
internal static class AveragePooling2D
{
    /// <summary>Window geometry and divisor rule.</summary>
    public readonly record struct Window(int Height, int Width, int OutH, int OutW, int KH, int KW, int DH, int DW, int PadH, int PadW,
        bool CountIncludePad, bool Divide)
    {
        /// <summary>Rows [y0, y1) and columns [x0, x1) of output (oy, ox) inside the input, and the divisor.</summary>
        public (int Y0, int Y1, int X0, int X1, double Divisor) Cell(int oy, int ox)
        {
            int ys = oy * DH - PadH, xs = ox * DW - PadW;
            int ye = Math.Min(ys + KH, Height + PadH), xe = Math.Min(xs + KW, Width + PadW);
            int padded = (ye - ys) * (xe - xs);
            int y0 = Math.Max(ys, 0), x0 = Math.Max(xs, 0), y1 = Math.Min(ye, Height), x1 = Math.Min(xe, Width);
            double divisor = !Divide ? 1 : CountIncludePad ? padded : (y1 - y0) * (x1 - x0);
            return (y0, y1, x0, x1, divisor);
        }
    }

    /// <summary>Averages each window of each plane.</summary>
    public static void Forward<T>(T[] input, int inputOffset, T[] output, int outputOffset, int planes, Window w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Engine.For(planes, p =>
        {
            var x = input.AsSpan(inputOffset + p * w.Height * w.Width, w.Height * w.Width);
            var y = output.AsSpan(outputOffset + p * w.OutH * w.OutW, w.OutH * w.OutW);
            for (int oy = 0; oy < w.OutH; oy++)
                for (int ox = 0; ox < w.OutW; ox++)
                {
                    var (y0, y1, x0, x1, divisor) = w.Cell(oy, ox);
                    T sum = T.Zero;
                    for (int iy = y0; iy < y1; iy++)
                        for (int ix = x0; ix < x1; ix++) sum += x[iy * w.Width + ix];
                    y[oy * w.OutW + ox] = sum / T.CreateTruncating(divisor);
                }
        });
    }

    /// <summary>Spreads each output gradient evenly over its window.</summary>
    public static void Backward<T>(T[] gradOutput, int gradOutputOffset, T[] gradInput, int gradInputOffset, int planes, Window w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Engine.For(planes, p =>
        {
            var g = gradOutput.AsSpan(gradOutputOffset + p * w.OutH * w.OutW, w.OutH * w.OutW);
            var dx = gradInput.AsSpan(gradInputOffset + p * w.Height * w.Width, w.Height * w.Width);
            dx.Clear();
            for (int oy = 0; oy < w.OutH; oy++)
                for (int ox = 0; ox < w.OutW; ox++)
                {
                    var (y0, y1, x0, x1, divisor) = w.Cell(oy, ox);
                    T share = g[oy * w.OutW + ox] / T.CreateTruncating(divisor);
                    for (int iy = y0; iy < y1; iy++)
                        for (int ix = x0; ix < x1; ix++) dx[iy * w.Width + ix] += share;
                }
        });
    }
}
