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
    /// Fewest tiles per worker for the forward pass and the weight gradient: the transformed weights (16/9 of the
    /// weights) are rebuilt every call, and the weight gradient's 16 sums (16/9 of the gradient) written and read back,
    /// so with few tiles that costs more than the 2.25 times fewer multiply-adds save. Measured at 512 planes on 2×2
    /// images, one core: 16 tiles forward 4.8 ms against 4.4 direct, weight gradient 7.7 against 6.1; 32 tiles (4×4
    /// images) 6.5 against 8.5 and 9.0 against 10.2.
    /// </summary>
    public const int MinTiles = 32;

    /// <summary>
    /// Fewest tiles per worker for the input gradient, where the direct path pays for flipping and transposing the
    /// weights too: measured as above, 8 tiles 4.4 ms against 5.9 direct, 16 tiles 5.1 against 7.9.
    /// </summary>
    public const int MinInputGradientTiles = 8;

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
    /// <paramref name="minTiles"/> tiles per worker (<see cref="MinTiles"/> or <see cref="MinInputGradientTiles"/>).
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
        var weights = TransformWeights(weight, g.Channels, outPlanes, strideP: 9, strideJ: g.Channels * 9, flip: false);
        Convolve(g, images, outPlanes, weights, input, inputOffset, PadBias(bias.Span, outPlanes), output, outputOffset);
    }

    /// <summary>gradInput[N, C, H, W] from gradOutput[N, outPlanes, oH, oW]: the adjoint convolution.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int outPlanes, T[] gradOutput, int gradOutputOffset,
        ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        var weights = TransformWeights(weight, outPlanes, g.Channels, strideP: g.Channels * 9, strideJ: 9, flip: true);
        Convolve(g.Adjoint(outPlanes), images, g.Channels, weights, gradOutput, gradOutputOffset, null, gradInput, gradInputOffset);
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

    /// <summary>
    /// The 16 transformed kernel matrices (k × n, packed B), in this thread's buffer; the kernel of (p, j) is at
    /// weight[p·strideP + j·strideJ]. Split over the cores by rows.
    /// </summary>
    private static T[] TransformWeights(ReadOnlyMemory<T> weight, int k, int n, int strideP, int strideJ, bool flip)
    {
        nint stride = WinogradTransform<T>.Stride((long)k * PackedGemm<T>.PaddedColumns(n));
        var weights = Matrices(Positions * (long)stride);
        int parts = ConvolutionPlan.WorkersFor(k);
        Engine.For(parts, part =>
        {
            fixed (T* dst = weights, source = weight.Span)
                WinogradTransform<T>.Weights(source, k, n, strideP, strideJ, flip, k * part / parts, k * (part + 1) / parts, dst, stride);
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

    /// <summary>output = conv(input) + bias with the transformed weights; the batch split over the cores by whole images.</summary>
    private static void Convolve(ConvolutionGeometry g, int images, int planes, T[] weights, T[] input, int inputOffset, T[]? bias, T[] output, int outputOffset)
    {
        var tiling = WinogradTiling.For(g);
        int chunk = ChunkTiles(g.Channels, PackedGemm<T>.PaddedColumns(planes));
        int perGroup = Math.Max(1, chunk / tiling.TilesPerImage), parts = ConvolutionPlan.WorkersFor(images);
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
                    ForwardChunk(scratch, g, tiling, planes, tile, Math.Min(chunk, count * tiling.TilesPerImage - tile), weights, bias, padded, output, outputAt);
            }
        });
    }

    /// <summary>The output of tiles [first, first + n) of a padded group.</summary>
    private static void ForwardChunk(ConvolutionScratch<T> scratch, in ConvolutionGeometry g, in WinogradTiling tiling, int planes, int first, int n,
        T[] weights, T[]? bias, T[] padded, T[] output, int outputOffset)
    {
        int channels = g.Channels, ldm = PackedGemm<T>.PaddedColumns(planes), rows = PackedGemm<T>.PaddedRows(n);
        var offsets = scratch.Offsets(n);
        for (int t = 0; t < n; t++) offsets[t] = tiling.Offset(first + t, tiling.Padded);
        nint inputStride = WinogradTransform<T>.Stride((long)rows * channels), productStride = WinogradTransform<T>.Stride((long)rows * ldm);
        nint weightStride = WinogradTransform<T>.Stride((long)channels * ldm);
        var transformed = scratch.Transformed(Positions * inputStride);
        var products = scratch.Products(Positions * productStride);
        fixed (T* images = padded, a = transformed, b = weights, m = products, biases = bias, y = output)
        fixed (int* at = offsets)
        {
            var windows = new InputWindows<T>(images, tiling.Padded.Plane, tiling.Padded.Width, at, tilesAreRows: true);
            WinogradTransform<T>.Pack(windows, n, channels, PackedGemm<T>.Rows, a, inputStride);
            for (int xi = 0; xi < Positions; xi++)
                PackedGemm<T>.Multiply(rows, ldm, channels, a + xi * inputStride, b + xi * weightStride, m + xi * productStride, ldm);
            WinogradTransform<T>.Output(m, productStride, ldm, first, n, tiling, planes, biases, y + outputOffset);
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
}
