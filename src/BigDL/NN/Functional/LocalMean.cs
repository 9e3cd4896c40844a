using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// The local-mean estimator of Torch's spatial normalisations: m[n, h, w] = Σ_planes Σ_(a, b) K[a, b]·x[n, p, h + a − kH/2,
/// w + b − kW/2], zero outside the image, for a kernel K already divided by its sum times the number of planes; and its
/// adjoint, which spreads a gradient of m back over the planes.
/// </summary>
internal static class LocalMean
{
    /// <summary>m [N, H, W] from x [N, P, H, W].</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> m, int n, int planes, int height, int width, ReadOnlySpan<T> kernel, int kH, int kW)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int plane = height * width;
        m[..(n * plane)].Clear();
        for (int b = 0; b < n; b++)
            for (int p = 0; p < planes; p++)
            {
                var source = x.Slice((b * planes + p) * plane, plane);
                var target = m.Slice(b * plane, plane);
                for (int h = 0; h < height; h++)
                    for (int w = 0; w < width; w++)
                    {
                        T sum = T.Zero;
                        for (int a = 0; a < kH; a++)
                        {
                            int y = h + a - kH / 2;
                            if ((uint)y >= (uint)height) continue;
                            for (int c = 0; c < kW; c++)
                            {
                                int xx = w + c - kW / 2;
                                if ((uint)xx < (uint)width) sum += kernel[a * kW + c] * source[y * width + xx];
                            }
                        }
                        target[h * width + w] += sum;
                    }
            }
    }

    /// <summary>gx [N, P, H, W] += the adjoint of <see cref="Forward"/> applied to gm [N, H, W].</summary>
    public static void Adjoint<T>(ReadOnlySpan<T> gm, Span<T> gx, int n, int planes, int height, int width, ReadOnlySpan<T> kernel, int kH, int kW)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int plane = height * width;
        for (int b = 0; b < n; b++)
        {
            var source = gm.Slice(b * plane, plane);
            for (int p = 0; p < planes; p++)
            {
                var target = gx.Slice((b * planes + p) * plane, plane);
                for (int h = 0; h < height; h++)
                    for (int w = 0; w < width; w++)
                    {
                        T g = source[h * width + w];
                        for (int a = 0; a < kH; a++)
                        {
                            int y = h + a - kH / 2;
                            if ((uint)y >= (uint)height) continue;
                            for (int c = 0; c < kW; c++)
                            {
                                int xx = w + c - kW / 2;
                                if ((uint)xx < (uint)width) target[y * width + xx] += kernel[a * kW + c] * g;
                            }
                        }
                    }
            }
        }
    }
}
