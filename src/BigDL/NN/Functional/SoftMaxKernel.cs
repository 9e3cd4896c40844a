using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// Soft-max along one axis of a contiguous block viewed as [outer, n, inner], shifted by the maximum so large
/// logits cannot overflow; and the matching backward passes.
/// </summary>
internal static class SoftMaxKernel
{
    /// <summary>y = softmax(x) (or log-softmax when <paramref name="log"/>) along the middle axis.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                T max = T.NegativeInfinity;
                for (int k = 0; k < n; k++) max = T.Max(max, x[start + k * inner]);
                double sum = 0;
                for (int k = 0; k < n; k++) sum += double.CreateTruncating(T.Exp(x[start + k * inner] - max));
                if (log)
                {
                    T logSum = T.CreateTruncating(Math.Log(sum));
                    for (int k = 0; k < n; k++) y[start + k * inner] = x[start + k * inner] - max - logSum;
                }
                else
                {
                    T scale = T.CreateTruncating(1 / sum);
                    for (int k = 0; k < n; k++) y[start + k * inner] = T.Exp(x[start + k * inner] - max) * scale;
                }
            }
    }

    /// <summary>
    /// dx from the output y and gradient g: softmax: dx = y·(g − Σ g·y); log-softmax: dx = g − exp(y)·Σ g.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx, int outer, int n, int inner, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                T sum = T.Zero;
                if (log)
                {
                    for (int k = 0; k < n; k++) sum += g[start + k * inner];
                    for (int k = 0; k < n; k++) dx[start + k * inner] = g[start + k * inner] - T.Exp(y[start + k * inner]) * sum;
                }
                else
                {
                    for (int k = 0; k < n; k++) sum += g[start + k * inner] * y[start + k * inner];
                    for (int k = 0; k < n; k++) dx[start + k * inner] = y[start + k * inner] * (g[start + k * inner] - sum);
                }
            }
    }
}
