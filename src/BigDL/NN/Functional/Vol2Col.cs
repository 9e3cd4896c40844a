using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// Unfolds 3-d convolution windows of one volume [C, T, H, W] into a column matrix [C·kT·kH·kW, oT·oH·oW] and folds
/// columns back (adding), with zero padding.
/// </summary>
internal static class Vol2Col
{
    /// <summary>Kernel, stride and padding per axis (time, height, width) and the output extent.</summary>
    public readonly record struct Geometry(int C, int T, int H, int W, int KT, int KH, int KW, int DT, int DH, int DW, int PadT, int PadH, int PadW)
    {
        public int OutT => (T + 2 * PadT - KT) / DT + 1;

        public int OutH => (H + 2 * PadH - KH) / DH + 1;

        public int OutW => (W + 2 * PadW - KW) / DW + 1;

        public int Rows => C * KT * KH * KW;

        public int Positions => OutT * OutH * OutW;
    }

    /// <summary>columns[row, position] = the volume value under kernel tap row at output position (0 in the padding).</summary>
    public static void Unfold<T>(in Geometry g, ReadOnlySpan<T> volume, Span<T> columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int row = 0;
        for (int c = 0; c < g.C; c++)
            for (int kt = 0; kt < g.KT; kt++)
                for (int kh = 0; kh < g.KH; kh++)
                    for (int kw = 0; kw < g.KW; kw++, row++)
                    {
                        int p = row * g.Positions;
                        for (int ot = 0; ot < g.OutT; ot++)
                            for (int oh = 0; oh < g.OutH; oh++)
                                for (int ow = 0; ow < g.OutW; ow++, p++)
                                {
                                    int t = ot * g.DT - g.PadT + kt, h = oh * g.DH - g.PadH + kh, w = ow * g.DW - g.PadW + kw;
                                    bool inside = (uint)t < (uint)g.T && (uint)h < (uint)g.H && (uint)w < (uint)g.W;
                                    columns[p] = inside ? volume[((c * g.T + t) * g.H + h) * g.W + w] : T.Zero;
                                }
                    }
    }

    /// <summary>volume += the columns folded back onto the positions they came from.</summary>
    public static void Fold<T>(in Geometry g, ReadOnlySpan<T> columns, Span<T> volume) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int row = 0;
        for (int c = 0; c < g.C; c++)
            for (int kt = 0; kt < g.KT; kt++)
                for (int kh = 0; kh < g.KH; kh++)
                    for (int kw = 0; kw < g.KW; kw++, row++)
                    {
                        int p = row * g.Positions;
                        for (int ot = 0; ot < g.OutT; ot++)
                            for (int oh = 0; oh < g.OutH; oh++)
                                for (int ow = 0; ow < g.OutW; ow++, p++)
                                {
                                    int t = ot * g.DT - g.PadT + kt, h = oh * g.DH - g.PadH + kh, w = ow * g.DW - g.PadW + kw;
                                    if ((uint)t < (uint)g.T && (uint)h < (uint)g.H && (uint)w < (uint)g.W)
                                        volume[((c * g.T + t) * g.H + h) * g.W + w] += columns[p];
                                }
                    }
    }
}
