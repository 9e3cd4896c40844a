using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// Batch normalisation of data laid out as [N, C, L] (L = 1 for [N, D], H·W for images): per channel c,
/// y = (x − μ_c)·s_c·w_c + b_c where μ and s = 1/√(σ² + ε) come from the batch (training) or the running estimates.
/// Channels run in parallel; sums are accumulated in double.
/// </summary>
internal static class BatchNormKernel
{
    /// <summary>Shape of the data: N samples, C channels, L values per channel and sample.</summary>
    public readonly record struct Layout(int N, int C, int L)
    {
        public int Index(int n, int c) => (n * C + c) * L;
    }

    /// <summary>Computes per-channel batch mean and 1/√(var + ε) into <paramref name="mean"/> and <paramref name="invStd"/>.</summary>
    public static void BatchStatistics<T>(Layout layout, T[] x, int xOffset, double[] mean, double[] invStd, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ForChannels(layout, c =>
        {
            double sum = 0;
            for (int n = 0; n < layout.N; n++)
                foreach (var v in x.AsSpan(xOffset + layout.Index(n, c), layout.L)) sum += double.CreateTruncating(v);
            double mu = sum / (layout.N * layout.L);
            double squares = 0;
            for (int n = 0; n < layout.N; n++)
                foreach (var v in x.AsSpan(xOffset + layout.Index(n, c), layout.L))
                {
                    double d = double.CreateTruncating(v) - mu;
                    squares += d * d;
                }
            mean[c] = mu;
            invStd[c] = 1 / Math.Sqrt(squares / (layout.N * layout.L) + eps);
        });
    }

    /// <summary>y = (x − mean)·invStd·weight + bias per channel (weight/bias empty: 1 and 0).</summary>
    public static void Normalize<T>(Layout layout, T[] x, int xOffset, T[] y, int yOffset, double[] mean, double[] invStd, T[]? weight, int weightOffset, T[]? bias, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ForChannels(layout, c =>
        {
            double w = weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c]);
            double b = bias is null ? 0 : double.CreateTruncating(bias[biasOffset + c]);
            T scale = T.CreateTruncating(invStd[c] * w), shift = T.CreateTruncating(b - mean[c] * invStd[c] * w);
            for (int n = 0; n < layout.N; n++)
            {
                var source = x.AsSpan(xOffset + layout.Index(n, c), layout.L);
                var target = y.AsSpan(yOffset + layout.Index(n, c), layout.L);
                for (int i = 0; i < source.Length; i++) target[i] = source[i] * scale + shift;
            }
        });
    }

    /// <summary>Per channel Σg and Σ g·x̂ with x̂ = (x − mean)·invStd.</summary>
    public static void GradientSums<T>(Layout layout, T[] x, int xOffset, T[] g, int gOffset, double[] mean, double[] invStd, double[] sumG, double[] sumGXhat)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ForChannels(layout, c =>
        {
            double sg = 0, sgx = 0;
            for (int n = 0; n < layout.N; n++)
            {
                var xs = x.AsSpan(xOffset + layout.Index(n, c), layout.L);
                var gs = g.AsSpan(gOffset + layout.Index(n, c), layout.L);
                for (int i = 0; i < xs.Length; i++)
                {
                    double gv = double.CreateTruncating(gs[i]);
                    sg += gv;
                    sgx += gv * (double.CreateTruncating(xs[i]) - mean[c]) * invStd[c];
                }
            }
            sumG[c] = sg;
            sumGXhat[c] = sgx;
        });
    }

    /// <summary>
    /// dx = w·s·(g − (Σg + x̂·Σg·x̂)/M) when <paramref name="batchStatistics"/> (the statistics depend on x), else w·s·g.
    /// </summary>
    public static void InputGradient<T>(Layout layout, T[] x, int xOffset, T[] g, int gOffset, T[] dx, int dxOffset, double[] mean, double[] invStd,
        double[] sumG, double[] sumGXhat, T[]? weight, int weightOffset, bool batchStatistics) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double m = layout.N * layout.L;
        ForChannels(layout, c =>
        {
            double w = weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c]);
            double k = w * invStd[c];
            double meanG = batchStatistics ? sumG[c] / m : 0, meanGX = batchStatistics ? sumGXhat[c] / m : 0;
            for (int n = 0; n < layout.N; n++)
            {
                var xs = x.AsSpan(xOffset + layout.Index(n, c), layout.L);
                var gs = g.AsSpan(gOffset + layout.Index(n, c), layout.L);
                var ds = dx.AsSpan(dxOffset + layout.Index(n, c), layout.L);
                for (int i = 0; i < xs.Length; i++)
                {
                    double xhat = (double.CreateTruncating(xs[i]) - mean[c]) * invStd[c];
                    ds[i] = T.CreateTruncating(k * (double.CreateTruncating(gs[i]) - meanG - xhat * meanGX));
                }
            }
        });
    }

    private static void ForChannels(Layout layout, Action<int> channel)
    {
        if ((long)layout.N * layout.C * layout.L < 1 << 15) for (int c = 0; c < layout.C; c++) channel(c);
        else Parallel.For(0, layout.C, Engine.ParallelOptions, channel);
    }
}
