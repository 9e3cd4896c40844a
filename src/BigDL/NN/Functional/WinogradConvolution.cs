using System.Numerics;
using System.Numerics.Tensors;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// 3×3, stride-1 convolution (one group) by Winograd's F(2×2, 3×3) (<see cref="WinogradTransform{T}"/>): 16 GEMMs of
/// 2.25 times fewer multiply-adds than the direct convolution's, for layers with many planes. The batch is split over
/// the cores by whole images; each worker pads a group of images at a time and, per chunk of tiles, transforms them
/// straight into packed GEMM panels, runs the 16 products and transforms the results. Forward: the weights are
/// transformed once per call into the calling thread's buffer, shared by the workers. Input gradient: the same on the
/// adjoint convolution (<see cref="ConvolutionGeometry.Adjoint"/>), its weights flipped and transposed by the
/// transform. Weight gradient: each worker sums, over its tiles, the products of transformed output gradients and
/// transformed inputs; the sums are added in worker order and transformed back into kernels.
/// </summary>
internal sealed unsafe class WinogradConvolution<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Largest transformed input or product buffer (values) of one chunk: 1M values (4 MB of floats).</summary>
    public const int ChunkBudget = 1 << 20;

    /// <summary>Fewest input and output planes for which the 16 GEMMs (one side of each: the planes) run efficiently.</summary>
    public const int MinPlanes = 16;

    /// <summary>
    /// Fewest tiles per worker for the forward pass and the input gradient. Measured at 512 planes on 2×2 images, one
    /// core: 8 tiles 1.7 ms against 2.3 direct (forward), 1.8 against 5.3 (input gradient, where the direct path also
    /// flips the weights); 16 tiles 3.3 against 5.1 and 3.0 against 9.3.
    /// </summary>
    public const int MinTiles = 8;

    /// <summary>
    /// Fewest tiles per worker for the weight gradient, whose 16 sums (16/9 of the gradient) are written to memory and
    /// read back: measured as above, 16 tiles 7.7 ms against 6.1 direct; 32 tiles (4×4 images) 9.0 against 10.2.
    /// </summary>
    public const int MinWeightGradientTiles = 32;

    private const int Positions = WinogradTransform<T>.Positions;

    /// <summary>
    /// The 16 transformed weight matrices of the call running on this thread, or its weight-gradient sums (transient:
    /// every call rewrites them, so all layers computed on a thread share one buffer).
    /// </summary>
    [ThreadStatic]
    private static T[]? t_matrices;

    private readonly ConvolutionPartials<T> _partials = new();
    private T[] _bias = [];

    /// <summary>Whether F(2×2, 3×3) computes geometry <paramref name="g"/>: a 3×3 kernel at stride 1, no dilation.</summary>
    public static bool Suits(in ConvolutionGeometry g) =>
        g.KernelH == 3 && g.KernelW == 3 && g.StrideH == 1 && g.StrideW == 1 && g.DilationH == 1 && g.DilationW == 1;

    /// <summary>
    /// Whether this path is faster than the direct one for <paramref name="images"/> images of geometry
    /// <paramref name="g"/> into <paramref name="outPlanes"/> planes: enough planes, and at least
    /// <paramref name="minTiles"/> tiles per worker (<see cref="MinTiles"/> or <see cref="MinWeightGradientTiles"/>).
    /// </summary>
    public static bool Pays(in ConvolutionGeometry g, int images, int outPlanes, int minTiles = MinTiles) =>
        Suits(g) && g.Channels >= MinPlanes && outPlanes >= MinPlanes &&
        (long)WinogradTiling.For(g).TilesPerImage * images / ConvolutionPlan.WorkersFor(images) >= minTiles;

    /// <summary>Tiles per chunk: as many as one GEMM block of rows holds, fewer when a buffer would pass the budget.</summary>
    public static int ChunkTiles(int planes, int otherPlanes)
    {
        int byBudget = ChunkBudget / (Positions * Math.Max(planes, otherPlanes)) / PackedGemm<T>.Rows * PackedGemm<T>.Rows;
        return Math.Clamp(byBudget, PackedGemm<T>.Rows, PackedGemm<T>.Blocking.Mc);
    }

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight [outPlanes, C, 3, 3]) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        ReadOnlyMemory<T> weight, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        var kernels = new Kernels(weight, g.Channels, outPlanes, StrideP: 9, StrideJ: g.Channels * 9, Flip: false);
        Convolve(g, images, outPlanes, kernels, input, inputOffset, PadBias(bias.Span, outPlanes), output, outputOffset);
    }

    /// <summary>gradInput[N, C, H, W] from gradOutput[N, outPlanes, oH, oW]: the adjoint convolution.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int outPlanes, T[] gradOutput, int gradOutputOffset,
        ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        var kernels = new Kernels(weight, outPlanes, g.Channels, StrideP: g.Channels * 9, StrideJ: 9, Flip: true);
        Convolve(g.Adjoint(outPlanes), images, g.Channels, kernels, gradOutput, gradOutputOffset, null, gradInput, gradInputOffset);
    }

    /// <summary>gradWeight += scale·∂L/∂weight; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        T[] gradOutput, int gradOutputOffset, T scale, Memory<T> gradWeight, T biasScale, Memory<T> gradBias)
    {
        var tiling = WinogradTiling.For(g);
        int rows = PackedGemm<T>.PaddedRows(outPlanes), cols = PackedGemm<T>.PaddedColumns(g.Channels);
        nint stride = WinogradTransform<T>.Stride((long)rows * cols);
        int parts = ConvolutionPlan.WorkersFor(images), chunk = ChunkTiles(rows, cols), perGroup = Math.Max(1, chunk / tiling.TilesPerImage);
        var partials = _partials.For(parts, Positions * stride, outPlanes, first: Matrices(Positions * stride));
        var geometry = g;
        bool withBias = !gradBias.IsEmpty;
        Engine.For(parts, w =>
        {
            var scratch = ConvolutionScratch<T>.Current;
            var (first, last) = ConvolutionPlan.Share(images, parts, w);
            var layout = tiling.Gradient(outPlanes);
            for (int image = first; image < last; image += perGroup)
            {
                int count = Math.Min(perGroup, last - image);
                var padded = Pad(scratch, geometry, tiling, input, inputOffset, image, count);
                var gradients = GradientsOf(scratch, tiling, layout, gradOutput, gradOutputOffset + image * outPlanes * tiling.OutputPlane, count);
                for (int tile = 0; tile < count * tiling.TilesPerImage; tile += chunk)
                    WeightGradientChunk(scratch, geometry, tiling, layout, outPlanes, tile, Math.Min(chunk, count * tiling.TilesPerImage - tile),
                        padded, gradients, partials.Sums[w], stride, accumulate: image != first || tile != 0);
            }
            if (withBias) ConvolutionPartials<T>.SumBias(gradOutput, gradOutputOffset, first, last, outPlanes, tiling.OutputPlane, partials.Biases[w]);
        });
        AddWeightGradient(partials.Sums, parts, stride, cols, outPlanes, g.Channels, scale, gradWeight);
        _partials.AddBiases(parts, biasScale, gradBias.Span);
    }

    /// <summary>This thread's matrix buffer, at least <paramref name="length"/> values.</summary>
    private static T[] Matrices(long length)
    {
        if (t_matrices is null || t_matrices.Length < length) t_matrices = GC.AllocateUninitializedArray<T>(checked((int)length), pinned: true);
        return t_matrices;
    }

    /// <summary>The 16 transformed kernel matrices (packed B), in this thread's buffer, split over the cores by rows.</summary>
    private static T[] TransformWeights(Kernels kernels)
    {
        nint stride = WinogradTransform<T>.Stride((long)kernels.K * PackedGemm<T>.PaddedColumns(kernels.N));
        var weights = Matrices(Positions * (long)stride);
        int parts = ConvolutionPlan.WorkersFor(kernels.K);
        Engine.For(parts, part =>
        {
            fixed (T* dst = weights, source = kernels.Weight.Span)
                WinogradTransform<T>.Weights(source, kernels.K, kernels.N, kernels.StrideP, kernels.StrideJ, kernels.Flip,
                    kernels.K * part / parts, kernels.K * (part + 1) / parts, dst, stride);
        });
        return weights;
    }

    /// <summary>The bias padded with zeros to whole GEMM panels, or null without bias.</summary>
    private T[]? PadBias(ReadOnlySpan<T> bias, int planes)
    {
        if (bias.IsEmpty) return null;
        int padded = PackedGemm<T>.PaddedColumns(planes);
        if (_bias.Length != padded) _bias = GC.AllocateUninitializedArray<T>(padded, pinned: true);
        bias.CopyTo(_bias);
        _bias.AsSpan(planes).Clear();
        return _bias;
    }

    /// <summary>Images [image, image + count) of the input, zero-padded for the tiling, in this thread's scratch.</summary>
    private static T[] Pad(ConvolutionScratch<T> scratch, in ConvolutionGeometry g, in WinogradTiling tiling, T[] input, int inputOffset, int image, int count)
    {
        var padded = scratch.Padded(count * tiling.Padded.Image);
        tiling.Padded.Fill<T>(input.AsSpan(inputOffset + image * g.ImageSize, count * g.ImageSize), g.Height, g.Width, count, padded);
        return padded;
    }

    /// <summary>The output gradients of <paramref name="count"/> images at <paramref name="offset"/> in <paramref name="layout"/>: in place, or padded.</summary>
    private static (T[] Values, int Offset) GradientsOf(ConvolutionScratch<T> scratch, in WinogradTiling tiling, in PaddedGeometry layout,
        T[] gradOutput, int offset, int count)
    {
        if (layout.Plane == tiling.OutputPlane) return (gradOutput, offset);
        var padded = scratch.PaddedGradient(count * layout.Image);
        layout.Fill<T>(gradOutput.AsSpan(offset, count * layout.Channels * tiling.OutputPlane), tiling.OutputH, tiling.OutputW, count, padded);
        return (padded, 0);
    }

    /// <summary>
    /// output = conv(input) + bias, the batch split over the cores by whole images. When every worker's tiles fit one
    /// chunk (small images, the layers with the most weights), each worker transforms the weights panel by panel just
    /// before multiplying them, in its L2 cache; otherwise they are transformed once, for all chunks, into this
    /// thread's buffer, 16/9 of the weights written to memory and read back per chunk.
    /// </summary>
    private static void Convolve(ConvolutionGeometry g, int images, int planes, Kernels kernels, T[] input, int inputOffset, T[]? bias, T[] output, int outputOffset)
    {
        var tiling = WinogradTiling.For(g);
        int chunk = ChunkTiles(g.Channels, PackedGemm<T>.PaddedColumns(planes));
        int perGroup = Math.Max(1, chunk / tiling.TilesPerImage), parts = ConvolutionPlan.WorkersFor(images);
        bool streaming = (long)(images + parts - 1) / parts * tiling.TilesPerImage <= chunk;
        var weights = streaming ? null : TransformWeights(kernels);
        Engine.For(parts, w =>
        {
            var scratch = ConvolutionScratch<T>.Current;
            var (first, last) = ConvolutionPlan.Share(images, parts, w);
            for (int image = first; image < last; image += perGroup)
            {
                int count = Math.Min(perGroup, last - image);
                var padded = Pad(scratch, g, tiling, input, inputOffset, image, count);
                int outputAt = outputOffset + image * planes * tiling.OutputPlane;
                for (int tile = 0; tile < count * tiling.TilesPerImage; tile += chunk)
                    ForwardChunk(scratch, g, tiling, planes, tile, Math.Min(chunk, count * tiling.TilesPerImage - tile), kernels, weights, bias, padded, output, outputAt);
            }
        });
    }

    /// <summary>The output of tiles [first, first + n) of a padded group, with the transformed weights or (null) transforming them panel by panel.</summary>
    private static void ForwardChunk(ConvolutionScratch<T> scratch, in ConvolutionGeometry g, in WinogradTiling tiling, int planes, int first, int n,
        Kernels kernels, T[]? weights, T[]? bias, T[] padded, T[] output, int outputOffset)
    {
        int channels = g.Channels, ldm = PackedGemm<T>.PaddedColumns(planes), rows = PackedGemm<T>.PaddedRows(n);
        var offsets = scratch.Offsets(n);
        for (int t = 0; t < n; t++) offsets[t] = tiling.Offset(first + t, tiling.Padded);
        nint inputStride = WinogradTransform<T>.Stride((long)rows * channels), productStride = WinogradTransform<T>.Stride((long)rows * ldm);
        var transformed = scratch.Transformed(Positions * inputStride);
        var products = scratch.Products(Positions * productStride);
        fixed (T* images = padded, a = transformed, m = products, biases = bias, y = output)
        fixed (int* at = offsets)
        {
            var windows = new InputWindows<T>(images, tiling.Padded.Plane, tiling.Padded.Width, at, tilesAreRows: true);
            WinogradTransform<T>.Pack(windows, n, channels, PackedGemm<T>.Rows, a, inputStride);
            if (weights is null) StreamProducts(scratch, kernels, rows, ldm, a, inputStride, m, productStride);
            else
                fixed (T* b = weights)
                {
                    nint weightStride = WinogradTransform<T>.Stride((long)channels * ldm);
                    for (int xi = 0; xi < Positions; xi++)
                        PackedGemm<T>.Multiply(rows, ldm, channels, a + xi * inputStride, b + xi * weightStride, m + xi * productStride, ldm);
                }
            WinogradTransform<T>.Output(m, productStride, ldm, first, n, tiling, planes, biases, y + outputOffset);
        }
    }

    /// <summary>
    /// The 16 products M_ξ = A_ξ·B_ξ, B_ξ made one panel and depth block at a time (16 blocks of Depth × Columns
    /// values, in the L2 cache) and multiplied at once.
    /// </summary>
    private static void StreamProducts(ConvolutionScratch<T> scratch, Kernels kernels, int rows, int ldm, T* a, nint inputStride, T* m, nint productStride)
    {
        int depth = PackedGemm<T>.Depth, cols = PackedGemm<T>.Columns;
        nint panelStride = WinogradTransform<T>.Stride((long)depth * cols);
        var panels = scratch.Panels(Positions * panelStride);
        fixed (T* source = kernels.Weight.Span, b = panels)
            for (int jb = 0; jb < ldm; jb += cols)
                for (int pc = 0; pc < kernels.K; pc += depth)
                {
                    int kc = Math.Min(depth, kernels.K - pc);
                    WinogradTransform<T>.WeightPanel(source, kernels.N, kernels.StrideP, kernels.StrideJ, kernels.Flip, jb, pc, pc + kc, b, panelStride);
                    for (int xi = 0; xi < Positions; xi++)
                        PackedGemm<T>.MultiplyBlock(rows, cols, kc, a + xi * inputStride + (nint)rows * pc, b + xi * panelStride, m + xi * productStride + jb, ldm, overwrite: pc == 0);
                }
    }

    /// <summary>Adds the products of tiles [first, first + n) of a group to a worker's 16 weight-gradient sums.</summary>
    private static void WeightGradientChunk(ConvolutionScratch<T> scratch, in ConvolutionGeometry g, in WinogradTiling tiling, in PaddedGeometry layout,
        int outPlanes, int first, int n, T[] padded, (T[] Values, int Offset) gradients, T[] sums, nint stride, bool accumulate)
    {
        int rows = PackedGemm<T>.PaddedRows(outPlanes), cols = PackedGemm<T>.PaddedColumns(g.Channels);
        var offsets = scratch.Offsets(n);
        var gradientOffsets = scratch.GradientOffsets(n);
        for (int t = 0; t < n; t++)
        {
            offsets[t] = tiling.Offset(first + t, tiling.Padded);
            gradientOffsets[t] = gradients.Offset + tiling.Offset(first + t, layout);
        }
        nint inputStride = WinogradTransform<T>.Stride((long)cols * n), gradientStride = WinogradTransform<T>.Stride((long)rows * n);
        var transformed = scratch.Transformed(Positions * inputStride);
        var transformedGradients = scratch.Products(Positions * gradientStride);
        fixed (T* images = padded, dy = gradients.Values, b = transformed, a = transformedGradients, du = sums)
        fixed (int* at = offsets, gradientAt = gradientOffsets)
        {
            WinogradTransform<T>.Pack(new InputWindows<T>(images, tiling.Padded.Plane, tiling.Padded.Width, at, tilesAreRows: false), g.Channels, n,
                PackedGemm<T>.Columns, b, inputStride);
            WinogradTransform<T>.Pack(new GradientWindows<T>(dy, layout.Plane, layout.Width, gradientAt), outPlanes, n, PackedGemm<T>.Rows, a, gradientStride);
            for (int xi = 0; xi < Positions; xi++)
                PackedGemm<T>.Multiply(rows, cols, n, a + xi * gradientStride, b + xi * inputStride, du + xi * stride, cols, accumulate);
        }
    }

    /// <summary>
    /// gradWeight += scale · Gᵀ (Σ over workers of their sums, in worker order) G, into the first worker's sums and
    /// then the kernels, both split over the cores.
    /// </summary>
    private static void AddWeightGradient(T[][] sums, int parts, nint stride, int cols, int outPlanes, int inPlanes, T scale, Memory<T> gradWeight)
    {
        var total = sums[0];
        if (parts > 1)
            Engine.ForRanges((int)(Positions * stride), 1 << 14, (start, length) =>
            {
                var into = total.AsSpan(start, length);
                for (int w = 1; w < parts; w++) TensorPrimitives.Add(into, sums[w].AsSpan(start, length), into);
            });
        int pieces = ConvolutionPlan.WorkersFor(outPlanes);
        Engine.For(pieces, part =>
        {
            fixed (T* du = total, gw = gradWeight.Span)
                WinogradTransform<T>.WeightGradient(du, stride, cols, inPlanes, scale, outPlanes * part / pieces, outPlanes * (part + 1) / pieces, gw);
        });
    }

    /// <summary>The kernels of a call: B[p, j] (p &lt; K, j &lt; N) is the 3×3 kernel at Weight[p·StrideP + j·StrideJ], reversed when Flip.</summary>
    private readonly record struct Kernels(ReadOnlyMemory<T> Weight, int K, int N, int StrideP, int StrideJ, bool Flip);
}
