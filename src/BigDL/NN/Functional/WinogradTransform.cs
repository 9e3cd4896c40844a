using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// The three transforms of Winograd's F(2×2, 3×3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural
/// Networks", 2016): a 2×2 output tile Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A of a 3×3 kernel g over a 4×4 input window d, with
/// Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1], G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1], Aᵀ = [1 1 1 0; 0 1 −1 −1]. The 16
/// positions ξ = 4i + j of the 4×4 products are 16 independent GEMMs over the channels: tiles × inPlanes (transformed
/// input, packed A) times inPlanes × outPlanes (transformed weights, packed B), see <see cref="PackedGemm{T}"/>.
/// </summary>
internal static unsafe class WinogradTransform<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Transform positions (4×4).</summary>
    public const int Positions = 16;

    /// <summary>
    /// Writes the 16 transformed matrices of <paramref name="source"/> in packed panels of <paramref name="panel"/>
    /// rows (<see cref="PackedGemm{T}.Rows"/> for an A operand, <see cref="PackedGemm{T}.Columns"/> for a B one): the
    /// matrix of position ξ, <paramref name="rows"/> (padded to whole panels, with zeros) × <paramref name="steps"/>, at
    /// <c>dst + ξ·stride</c>.
    /// </summary>
    public static void Pack<TSource>(TSource source, int rows, int steps, int panel, T* dst, nint stride) where TSource : struct, IWinogradTiles<T>
    {
        int padded = (rows + panel - 1) / panel * panel;
        for (int pc = 0; pc < steps; pc += PackedGemm<T>.Depth)
        {
            int kc = Math.Min(PackedGemm<T>.Depth, steps - pc);
            for (int q = 0; q < padded; q += panel)
            {
                T* block = dst + (nint)padded * pc + (nint)q * kc;
                int live = Math.Min(panel, rows - q);
                for (int s = 0; s < kc; s++)
                {
                    T* target = block + (nint)s * panel;
                    for (int r = 0; r < live; r++) source.Write(q + r, pc + s, target + r, stride);
                    for (int r = live; r < panel; r++)
                        for (int xi = 0; xi < Positions; xi++) target[r + xi * stride] = T.Zero;
                }
            }
        }
    }

    /// <summary>
    /// Writes the output tiles Aᵀ m A (+ bias) of <paramref name="tiles"/> tiles from the products M_ξ (row t, column
    /// o at <c>products + ξ·stride + t·ldm + o</c>, ldm a multiple of the vector width) into output images of
    /// <paramref name="planes"/> planes, tile t where <paramref name="tiling"/> puts tile <paramref name="first"/> + t;
    /// <paramref name="bias"/> holds ldm values (zeros beyond the planes), or is null.
    /// </summary>
    public static void Output(T* products, nint stride, int ldm, int first, int tiles, in WinogradTiling tiling, int planes, T* bias, T* output)
    {
        int w = Vector256<T>.Count, plane = tiling.OutputPlane, ow = tiling.OutputW;
        T* lanes = stackalloc T[4 * w];
        for (int t = 0; t < tiles; t++)
        {
            var (offset, rows, cols) = tiling.Output(first + t, planes);
            T* m = products + (nint)t * ldm;
            for (int o = 0; o < planes; o += w)
            {
                var (y00, y01, y10, y11) = OutputTile(m + o, stride);
                if (bias != null)
                {
                    var b = Vector256.Load(bias + o);
                    (y00, y01, y10, y11) = (y00 + b, y01 + b, y10 + b, y11 + b);
                }
                Vector256.Store(y00, lanes);
                Vector256.Store(y01, lanes + w);
                Vector256.Store(y10, lanes + 2 * w);
                Vector256.Store(y11, lanes + 3 * w);
                int count = Math.Min(w, planes - o);
                T* target = output + offset + (nint)o * plane;
                if (rows == 2 && cols == 2)
                    for (int l = 0; l < count; l++, target += plane)
                    {
                        target[0] = lanes[l];
                        target[1] = lanes[w + l];
                        target[ow] = lanes[2 * w + l];
                        target[ow + 1] = lanes[3 * w + l];
                    }
                else
                    for (int l = 0; l < count; l++, target += plane)
                        for (int a = 0; a < rows; a++)
                            for (int c = 0; c < cols; c++) target[a * ow + c] = lanes[(2 * a + c) * w + l];
            }
        }
    }

    /// <summary>
    /// Values between consecutive positions' blocks for blocks of <paramref name="length"/> values: rounded up to an odd
    /// number of cache lines, so the 16 blocks a transform writes (or reads) at once start in 16 different sets of the
    /// L1 cache; a multiple of 4 KB would put them all in one set and evict them from each other.
    /// </summary>
    public static nint Stride(long length)
    {
        int line = 64 / sizeof(T);
        long lines = (length + line - 1) / line;
        return (nint)((lines | 1) * line);
    }

    /// <summary>
    /// Writes G g Gᵀ of the kernels as the packed B of each position: B_ξ (<paramref name="k"/> ×
    /// <paramref name="n"/> padded to whole panels) at <c>dst + ξ·stride</c>, element (p, j) the kernel at
    /// <c>weight + p·strideP + j·strideJ</c> (9 taps, row-major; reversed when <paramref name="flip"/>). Rows
    /// [<paramref name="p0"/>, <paramref name="p1"/>) only, so that callers can split the rows over threads.
    /// </summary>
    public static void Weights(T* weight, int k, int n, int strideP, int strideJ, bool flip, int p0, int p1, T* dst, nint stride)
    {
        int cols = PackedGemm<T>.Columns, pn = PackedGemm<T>.PaddedColumns(n), depth = PackedGemm<T>.Depth;
        for (int jb = 0; jb < pn; jb += cols)
            for (int pc = p0 / depth * depth; pc < p1; pc += depth)
            {
                int kc = Math.Min(depth, k - pc), start = Math.Max(p0, pc), end = Math.Min(p1, pc + kc);
                WeightPanel(weight, n, strideP, strideJ, flip, jb, start, end, dst + (nint)pn * pc + (nint)jb * kc + (nint)(start - pc) * cols, stride);
            }
    }

    /// <summary>
    /// Writes G g Gᵀ of rows [<paramref name="p0"/>, <paramref name="p1"/>) of the B panel of columns
    /// [<paramref name="jb"/>, jb + <see cref="PackedGemm{T}.Columns"/>) (kernels as in <see cref="Weights"/>, zeros
    /// beyond <paramref name="n"/>): row p at <c>dst + (p − p0)·Columns + ξ·stride</c>, one depth block of a packed B
    /// panel. Row by row, the kernels' taps are gathered tap by tap into a scratch block (<see cref="Gather"/>) that the
    /// transform reads as vectors.
    /// </summary>
    public static void WeightPanel(T* weight, int n, int strideP, int strideJ, bool flip, int jb, int p0, int p1, T* dst, nint stride)
    {
        int cols = PackedGemm<T>.Columns, w = Vector256<T>.Count, live = Math.Min(cols, n - jb);
        T* taps = stackalloc T[9 * cols];
        new Span<T>(taps, 9 * cols).Clear();
        for (int p = p0; p < p1; p++)
        {
            Gather(weight + (nint)p * strideP + (nint)jb * strideJ, strideJ, live, flip, taps, cols);
            T* row = dst + (nint)(p - p0) * cols;
            for (int j = 0; j < cols; j += w) WeightTile(taps + j, cols, row + j, stride);
        }
    }

    /// <summary>
    /// taps[t·ld + j] = tap t (8 − t when <paramref name="flip"/>) of kernel j at <c>kernels + j·strideJ</c>, for
    /// j &lt; <paramref name="count"/>: float kernels eight at a time through an 8×8 register transpose of their first
    /// eight taps, the rest one by one.
    /// </summary>
    private static void Gather(T* kernels, int strideJ, int count, bool flip, T* taps, int ld)
    {
        int j = 0;
        if (typeof(T) == typeof(float) && Transpose8x8.IsSupported)
            for (; j + 8 <= count; j += 8)
            {
                T* source = kernels + (nint)j * strideJ;
                Transpose8x8.Run((float*)source, strideJ, (float*)(taps + (flip ? 8 * ld : 0) + j), flip ? -ld : ld, 1f);
                for (int r = 0; r < 8; r++) taps[(flip ? 0 : 8 * ld) + j + r] = source[(nint)r * strideJ + 8];
            }
        for (; j < count; j++)
        {
            T* kernel = kernels + (nint)j * strideJ;
            for (int t = 0; t < 9; t++) taps[t * ld + j] = kernel[flip ? 8 - t : t];
        }
    }

    /// <summary>
    /// gradWeight[o, c] += scale · Gᵀ dU G for o in [<paramref name="o0"/>, <paramref name="o1"/>) and every input
    /// plane c, where dU[o, c] at position ξ is <c>du[ξ·stride + o·ldu + c]</c> (ldu a multiple of the vector width):
    /// the weight gradient from the gradient of the transformed weights.
    /// </summary>
    public static void WeightGradient(T* du, nint stride, int ldu, int inPlanes, T scale, int o0, int o1, T* gradWeight)
    {
        int w = Vector256<T>.Count;
        T* lanes = stackalloc T[9 * w];
        var s = Vector256.Create(scale);
        var half = Vector256.Create(T.CreateTruncating(0.5));
        for (int o = o0; o < o1; o++)
            for (int c = 0; c < inPlanes; c += w)
            {
                T* d = du + (nint)o * ldu + c;
                // Gᵀ on the columns: rows d0 + (d1 + d2)/2, (d1 − d2)/2, (d1 + d2)/2 + d3; then G on each of those rows.
                var (r00, r10, r20) = WeightGradientColumn(d, stride, 0, half);
                var (r01, r11, r21) = WeightGradientColumn(d, stride, 1, half);
                var (r02, r12, r22) = WeightGradientColumn(d, stride, 2, half);
                var (r03, r13, r23) = WeightGradientColumn(d, stride, 3, half);
                WeightGradientRow(r00, r01, r02, r03, s, half, lanes, w);
                WeightGradientRow(r10, r11, r12, r13, s, half, lanes + 3 * w, w);
                WeightGradientRow(r20, r21, r22, r23, s, half, lanes + 6 * w, w);
                int count = Math.Min(w, inPlanes - c);
                T* kernel = gradWeight + ((nint)o * inPlanes + c) * 9;
                for (int l = 0; l < count; l++, kernel += 9)
                    for (int t = 0; t < 9; t++) kernel[t] += lanes[t * w + l];
            }
    }

    /// <summary>A dY Aᵀ of the 2×2 gradient tile at <paramref name="y"/> (rows <paramref name="width"/> apart), position ξ to <c>v[ξ·stride]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GradientTile(T* y, int width, T* v, nint stride)
    {
        T y00 = y[0], y01 = y[1], y10 = y[width], y11 = y[width + 1];
        // A on the columns: rows y0, y0 + y1, y0 − y1, −y1; then Aᵀ on each of those rows.
        GradientRow(y00, y01, v, stride);
        GradientRow(y00 + y10, y01 + y11, v + 4 * stride, stride);
        GradientRow(y00 - y10, y01 - y11, v + 8 * stride, stride);
        GradientRow(-y10, -y11, v + 12 * stride, stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GradientRow(T a, T b, T* v, nint stride)
    {
        v[0] = a;
        v[stride] = a + b;
        v[2 * stride] = a - b;
        v[3 * stride] = -b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>) WeightGradientColumn(T* d, nint stride, int j, Vector256<T> half)
    {
        var d0 = Vector256.Load(d + j * stride);
        var d1 = Vector256.Load(d + (4 + j) * stride);
        var d2 = Vector256.Load(d + (8 + j) * stride);
        var d3 = Vector256.Load(d + (12 + j) * stride);
        var sum = (d1 + d2) * half;
        return (d0 + sum, (d1 - d2) * half, sum + d3);
    }

    /// <summary>One row of Gᵀ dU G, scaled: its three values (vectors) to <c>lanes</c>, <paramref name="w"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeightGradientRow(Vector256<T> r0, Vector256<T> r1, Vector256<T> r2, Vector256<T> r3, Vector256<T> scale, Vector256<T> half, T* lanes, int w)
    {
        var sum = (r1 + r2) * half;
        Vector256.Store((r0 + sum) * scale, lanes);
        Vector256.Store((r1 - r2) * half * scale, lanes + w);
        Vector256.Store((sum + r3) * scale, lanes + 2 * w);
    }

    /// <summary>Bᵀ d B of the 4×4 window at <paramref name="d"/> (rows <paramref name="width"/> apart), position ξ to <c>v[ξ·stride]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InputTile(T* d, int width, T* v, nint stride)
    {
        T* d1 = d + width, d2 = d1 + width, d3 = d2 + width;
        // Bᵀ on the columns: rows d0 − d2, d1 + d2, d2 − d1, d1 − d3; then B on each of those rows.
        InputRow(d[0] - d2[0], d[1] - d2[1], d[2] - d2[2], d[3] - d2[3], v, stride);
        InputRow(d1[0] + d2[0], d1[1] + d2[1], d1[2] + d2[2], d1[3] + d2[3], v + 4 * stride, stride);
        InputRow(d2[0] - d1[0], d2[1] - d1[1], d2[2] - d1[2], d2[3] - d1[3], v + 8 * stride, stride);
        InputRow(d1[0] - d3[0], d1[1] - d3[1], d1[2] - d3[2], d1[3] - d3[3], v + 12 * stride, stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputRow(T x0, T x1, T x2, T x3, T* v, nint stride)
    {
        v[0] = x0 - x2;
        v[stride] = x1 + x2;
        v[2 * stride] = x2 - x1;
        v[3 * stride] = x1 - x3;
    }

    /// <summary>Aᵀ m A of the 16 product vectors at <c>m + ξ·stride</c>: the tile's four outputs, row by row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>, Vector256<T>) OutputTile(T* m, nint stride)
    {
        // Aᵀ on the columns: rows m0 + m1 + m2 and m1 − m2 − m3 of each column j, then A on each of those rows.
        var (r00, r10) = OutputColumn(m, stride, 0);
        var (r01, r11) = OutputColumn(m, stride, 1);
        var (r02, r12) = OutputColumn(m, stride, 2);
        var (r03, r13) = OutputColumn(m, stride, 3);
        return (r00 + r01 + r02, r01 - r02 - r03, r10 + r11 + r12, r11 - r12 - r13);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T> Top, Vector256<T> Bottom) OutputColumn(T* m, nint stride, int j)
    {
        var m0 = Vector256.Load(m + j * stride);
        var m1 = Vector256.Load(m + (4 + j) * stride);
        var m2 = Vector256.Load(m + (8 + j) * stride);
        var m3 = Vector256.Load(m + (12 + j) * stride);
        var middle = m1 - m2;
        return (m0 + m1 + m2, middle - m3);
    }

    /// <summary>G g Gᵀ of the kernels whose tap t is the vector at <c>g + t·ld</c>; position ξ to <c>u + ξ·stride</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeightTile(T* g, int ld, T* u, nint stride)
    {
        var half = Vector256.Create(T.CreateTruncating(0.5));
        // G on the columns: rows g0, (g0 + g1 + g2)/2, (g0 − g1 + g2)/2, g2 of each column j; then Gᵀ on each row.
        var (a0, a1, a2, a3) = WeightColumn(g, ld, 0, half);
        var (b0, b1, b2, b3) = WeightColumn(g, ld, 1, half);
        var (c0, c1, c2, c3) = WeightColumn(g, ld, 2, half);
        WeightRow(a0, b0, c0, half, u, stride);
        WeightRow(a1, b1, c1, half, u + 4 * stride, stride);
        WeightRow(a2, b2, c2, half, u + 8 * stride, stride);
        WeightRow(a3, b3, c3, half, u + 12 * stride, stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>, Vector256<T>) WeightColumn(T* g, int ld, int j, Vector256<T> half)
    {
        var g0 = Vector256.Load(g + j * ld);
        var g1 = Vector256.Load(g + (3 + j) * ld);
        var g2 = Vector256.Load(g + (6 + j) * ld);
        var outer = g0 + g2;
        return (g0, (outer + g1) * half, (outer - g1) * half, g2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeightRow(Vector256<T> s0, Vector256<T> s1, Vector256<T> s2, Vector256<T> half, T* u, nint stride)
    {
        var outer = s0 + s2;
        Vector256.Store(s0, u);
        Vector256.Store((outer + s1) * half, u + stride);
        Vector256.Store((outer - s1) * half, u + 2 * stride);
        Vector256.Store(s2, u + 3 * stride);
    }
}
