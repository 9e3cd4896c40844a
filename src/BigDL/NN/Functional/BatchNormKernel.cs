using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.NN;

/// <summary>
/// Batch normalisation of data laid out as [N, C, L] (L = 1 for [N, D], H·W for images): per channel c,
/// y = (x − μ_c)·s_c·w_c + b_c where μ and s = 1/√(σ² + ε) come from the batch (training) or the running estimates.
/// Channels run in parallel; each contiguous row of L values goes through TensorPrimitives, and per-channel totals are
/// accumulated in double. Feature data [N, D] (L = 1) is walked row by row instead, all features at once.
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
        if (layout.L == 1)
        {
            FeatureStatistics(layout, x, xOffset, mean, invStd, eps);
            return;
        }
        ForChannels(layout, c =>
        {
            double sum = 0;
            for (int n = 0; n < layout.N; n++) sum += double.CreateTruncating(TensorPrimitives.Sum<T>(x.AsSpan(xOffset + layout.Index(n, c), layout.L)));
            double mu = sum / (layout.N * layout.L);
            var deviation = ArrayPool<T>.Shared.Rent(layout.L);
            double squares = 0;
            for (int n = 0; n < layout.N; n++)
            {
                var d = deviation.AsSpan(0, layout.L);
                TensorPrimitives.Subtract(x.AsSpan(xOffset + layout.Index(n, c), layout.L), T.CreateTruncating(mu), d);
                squares += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(d));
            }
            ArrayPool<T>.Shared.Return(deviation);
            mean[c] = mu;
            invStd[c] = 1 / Math.Sqrt(squares / (layout.N * layout.L) + eps);
        });
    }

    /// <summary>y = (x − mean)·invStd·weight + bias per channel (weight/bias null: 1 and 0), one multiply-add pass.</summary>
    public static void Normalize<T>(Layout layout, T[] x, int xOffset, T[] y, int yOffset, double[] mean, double[] invStd, T[]? weight, int weightOffset, T[]? bias, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layout.L == 1)
        {
            // [N, D]: per-feature scale and shift as vectors, then each row is one multiply and one add.
            var (scale, shift) = (ArrayPool<T>.Shared.Rent(layout.C), ArrayPool<T>.Shared.Rent(layout.C));
            for (int c = 0; c < layout.C; c++)
            {
                double w1 = weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c]);
                double b1 = bias is null ? 0 : double.CreateTruncating(bias[biasOffset + c]);
                scale[c] = T.CreateTruncating(invStd[c] * w1);
                shift[c] = T.CreateTruncating(b1 - mean[c] * invStd[c] * w1);
            }
            for (int n = 0; n < layout.N; n++)
                TensorPrimitives.MultiplyAdd<T>(x.AsSpan(xOffset + n * layout.C, layout.C), scale.AsSpan(0, layout.C), shift.AsSpan(0, layout.C),
                    y.AsSpan(yOffset + n * layout.C, layout.C));
            ArrayPool<T>.Shared.Return(scale);
            ArrayPool<T>.Shared.Return(shift);
            return;
        }
        ForChannels(layout, c =>
        {
            double w = weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c]);
            double b = bias is null ? 0 : double.CreateTruncating(bias[biasOffset + c]);
            T scale = T.CreateTruncating(invStd[c] * w), shift = T.CreateTruncating(b - mean[c] * invStd[c] * w);
            for (int n = 0; n < layout.N; n++)
                Affine.Apply<T>(x.AsSpan(xOffset + layout.Index(n, c), layout.L), scale, shift, y.AsSpan(yOffset + layout.Index(n, c), layout.L));
        });
    }

    /// <summary>Per channel Σg and Σ g·x̂ with x̂ = (x − mean)·invStd.</summary>
    public static void GradientSums<T>(Layout layout, T[] x, int xOffset, T[] g, int gOffset, double[] mean, double[] invStd, double[] sumG, double[] sumGXhat)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layout.L == 1)
        {
            // [N, D]: rows widened to double and summed feature-wise; Σ g·x̂ = s·(Σ g·x − μ·Σ g).
            int d = layout.C;
            double[] gRow = ArrayPool<double>.Shared.Rent(d), xRow = ArrayPool<double>.Shared.Rent(d), sgx = ArrayPool<double>.Shared.Rent(d);
            Span<double> gs = gRow.AsSpan(0, d), xs = xRow.AsSpan(0, d), cross = sgx.AsSpan(0, d), sums = sumG.AsSpan(0, d);
            sums.Clear();
            cross.Clear();
            for (int n = 0; n < layout.N; n++)
            {
                TensorPrimitives.ConvertTruncating<T, double>(g.AsSpan(gOffset + n * d, d), gs);
                TensorPrimitives.ConvertTruncating<T, double>(x.AsSpan(xOffset + n * d, d), xs);
                TensorPrimitives.Add(sums, gs, sums);
                TensorPrimitives.MultiplyAdd(gs, xs, cross, cross);
            }
            for (int c = 0; c < d; c++) sumGXhat[c] = invStd[c] * (cross[c] - mean[c] * sums[c]);
            ArrayPool<double>.Shared.Return(gRow);
            ArrayPool<double>.Shared.Return(xRow);
            ArrayPool<double>.Shared.Return(sgx);
            return;
        }
        ForChannels(layout, c =>
        {
            double sg = 0, sgx = 0;
            for (int n = 0; n < layout.N; n++)
            {
                var xs = x.AsSpan(xOffset + layout.Index(n, c), layout.L);
                var gs = g.AsSpan(gOffset + layout.Index(n, c), layout.L);
                sg += double.CreateTruncating(TensorPrimitives.Sum<T>(gs));
                sgx += double.CreateTruncating(TensorPrimitives.Dot<T>(gs, xs));
            }
            // Σ g·x̂ = s·(Σ g·x − μ·Σ g)
            sumG[c] = sg;
            sumGXhat[c] = invStd[c] * (sgx - mean[c] * sg);
        });
    }

    /// <summary>
    /// dx = w·s·(g − (Σg + x̂·Σg·x̂)/M) when <paramref name="batchStatistics"/> (the statistics depend on x), else w·s·g;
    /// written as dx = a·g + b·x + c per channel.
    /// </summary>
    public static void InputGradient<T>(Layout layout, T[] x, int xOffset, T[] g, int gOffset, T[] dx, int dxOffset, double[] mean, double[] invStd,
        double[] sumG, double[] sumGXhat, T[]? weight, int weightOffset, bool batchStatistics) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double m = layout.N * layout.L;
        if (layout.L == 1)
        {
            // [N, D]: dx = a·g + b·x + c with per-feature vectors a, b, c.
            var (a, b, constant) = (ArrayPool<T>.Shared.Rent(layout.C), ArrayPool<T>.Shared.Rent(layout.C), ArrayPool<T>.Shared.Rent(layout.C));
            for (int c = 0; c < layout.C; c++)
            {
                double k1 = (weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c])) * invStd[c];
                double meanG1 = batchStatistics ? sumG[c] / m : 0, meanGX1 = batchStatistics ? sumGXhat[c] / m : 0;
                a[c] = T.CreateTruncating(k1);
                b[c] = T.CreateTruncating(-k1 * meanGX1 * invStd[c]);
                constant[c] = T.CreateTruncating(-k1 * meanG1 + k1 * meanGX1 * invStd[c] * mean[c]);
            }
            for (int n = 0; n < layout.N; n++)
            {
                var row = dx.AsSpan(dxOffset + n * layout.C, layout.C);
                TensorPrimitives.MultiplyAdd<T>(g.AsSpan(gOffset + n * layout.C, layout.C), a.AsSpan(0, layout.C), constant.AsSpan(0, layout.C), row);
                TensorPrimitives.MultiplyAdd<T>(x.AsSpan(xOffset + n * layout.C, layout.C), b.AsSpan(0, layout.C), row, row);
            }
            ArrayPool<T>.Shared.Return(a);
            ArrayPool<T>.Shared.Return(b);
            ArrayPool<T>.Shared.Return(constant);
            return;
        }
        ForChannels(layout, c =>
        {
            double w = weight is null ? 1 : double.CreateTruncating(weight[weightOffset + c]);
            double k = w * invStd[c];
            double meanG = batchStatistics ? sumG[c] / m : 0, meanGX = batchStatistics ? sumGXhat[c] / m : 0;
            T a = T.CreateTruncating(k), b = T.CreateTruncating(-k * meanGX * invStd[c]);
            T constant = T.CreateTruncating(-k * meanG + k * meanGX * invStd[c] * mean[c]);
            for (int n = 0; n < layout.N; n++)
            {
                var ds = dx.AsSpan(dxOffset + layout.Index(n, c), layout.L);
                Affine.Apply<T>(g.AsSpan(gOffset + layout.Index(n, c), layout.L), a, constant, ds);
                TensorPrimitives.MultiplyAdd<T>(x.AsSpan(xOffset + layout.Index(n, c), layout.L), b, ds, ds);
            }
        });
    }

    /// <summary>[N, D] data (L = 1): one pass over the rows per statistic, features side by side.</summary>
    private static void FeatureStatistics<T>(Layout layout, T[] x, int xOffset, double[] mean, double[] invStd, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = layout.C;
        double[] rowBuffer = ArrayPool<double>.Shared.Rent(d), squareBuffer = ArrayPool<double>.Shared.Rent(d);
        Span<double> row = rowBuffer.AsSpan(0, d), squares = squareBuffer.AsSpan(0, d), means = mean.AsSpan(0, d);
        means.Clear();
        squares.Clear();
        for (int n = 0; n < layout.N; n++)
        {
            TensorPrimitives.ConvertTruncating<T, double>(x.AsSpan(xOffset + n * d, d), row);
            TensorPrimitives.Add(means, row, means);
        }
        TensorPrimitives.Multiply(means, 1.0 / layout.N, means);
        for (int n = 0; n < layout.N; n++)
        {
            TensorPrimitives.ConvertTruncating<T, double>(x.AsSpan(xOffset + n * d, d), row);
            TensorPrimitives.Subtract(row, means, row);
            TensorPrimitives.MultiplyAdd(row, row, squares, squares);
        }
        for (int c = 0; c < d; c++) invStd[c] = 1 / Math.Sqrt(squares[c] / layout.N + eps);
        ArrayPool<double>.Shared.Return(rowBuffer);
        ArrayPool<double>.Shared.Return(squareBuffer);
    }

    private static void ForChannels(Layout layout, Action<int> channel)
    {
        if ((long)layout.N * layout.C * layout.L < 1 << 15) for (int c = 0; c < layout.C; c++) channel(c);
        else Engine.For(layout.C, channel);
    }
}
