using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// Stride-1 convolution (one group, no dilation) computed directly, for layers with so few planes that a GEMM's
/// operands are mostly packing and padding (LeNet's 1 → 6 and 6 → 12): output rows in vectors, four output planes at
/// a time, each tap one vector load and four fused multiply-adds with broadcast weights. The images are copied into
/// zero-padded planes whose rows end on whole vectors; the input gradient is the same loop on the adjoint convolution
/// (<see cref="ConvolutionGeometry.Adjoint"/>); the weight gradient multiplies gradient rows with shifted input rows
/// in four vector accumulators per tap, summed once per block of images. The batch is split over the cores by images.
/// </summary>
internal sealed unsafe class DirectConvolution<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Most input × output planes computed this way; beyond, GEMMs have enough to multiply. Measured on one core, 64
    /// images: LeNet's 6 → 12 (72 pairs) forward 0.22 ms against 0.27 by GEMM, and a LeNet training step 17% faster;
    /// VGG's 3 → 64 (192) and a 16 → 16 (256) are faster by GEMM.
    /// </summary>
    public const int MaxPlanePairs = 96;

    /// <summary>Output planes per pass: four vector accumulators, each tap's input vector loaded once for all four.</summary>
    private const int Group = 4;

    /// <summary>Bytes of padded images and gradients a block of the weight gradient keeps in the L2 cache.</summary>
    private const int BlockBytes = 256 * 1024;

    private T[] _weights = [];
    private readonly ConvolutionPartials<T> _partials = new();

    /// <summary>Whether this path computes geometry <paramref name="g"/> into <paramref name="outPlanes"/> planes best.</summary>
    public static bool Pays(in ConvolutionGeometry g, int outPlanes) =>
        g.StrideH == 1 && g.StrideW == 1 && g.DilationH == 1 && g.DilationW == 1 && g.Channels * outPlanes <= MaxPlanePairs;

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight [outPlanes, C, kH, kW]) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        ReadOnlyMemory<T> weight, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        Arrange(weight.Span, outPlanes, g.Channels, g.KernelH * g.KernelW, adjoint: false);
        Convolve(g, images, outPlanes, input, inputOffset, bias, output, outputOffset);
    }

    /// <summary>gradInput[N, C, H, W] from gradOutput[N, outPlanes, oH, oW]: the adjoint convolution.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int outPlanes, T[] gradOutput, int gradOutputOffset,
        ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        Arrange(weight.Span, g.Channels, outPlanes, g.KernelH * g.KernelW, adjoint: true);
        Convolve(g.Adjoint(outPlanes), images, g.Channels, gradOutput, gradOutputOffset, default, gradInput, gradInputOffset);
    }

    /// <summary>gradWeight += scale·∂L/∂weight; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        T[] gradOutput, int gradOutputOffset, T scale, Memory<T> gradWeight, T biasScale, Memory<T> gradBias)
    {
        int taps = g.KernelH * g.KernelW, groups = (outPlanes + Group - 1) / Group, parts = ConvolutionPlan.WorkersFor(images);
        var layout = InputLayout(g);
        var gradients = new PaddedGeometry(groups * Group, g.OutputH, Rows(g.OutputW), 0, 0);
        int block = Math.Max(1, BlockBytes / ((layout.Image + gradients.Image) * sizeof(T)));
        var (partials, biases) = _partials.For(parts, groups * Group * g.Channels * taps, outPlanes);
        bool withBias = !gradBias.IsEmpty;
        var geometry = g;
        Engine.For(parts, part =>
        {
            var scratch = ConvolutionScratch<T>.Current;
            var (first, last) = ConvolutionPlan.Share(images, parts, part);
            partials[part].AsSpan(0, groups * Group * geometry.Channels * taps).Clear();
            for (int image = first; image < last; image += block)
            {
                int count = Math.Min(block, last - image);
                var padded = scratch.Padded(count * layout.Image);
                layout.Fill<T>(input.AsSpan(inputOffset + image * geometry.ImageSize, count * geometry.ImageSize), geometry.Height, geometry.Width, count, padded);
                var padGradients = scratch.PaddedGradient(count * gradients.Image);
                CopyRows(gradOutput.AsSpan(gradOutputOffset + image * outPlanes * geometry.Positions, count * outPlanes * geometry.Positions),
                    count, outPlanes, geometry.OutputH, geometry.OutputW, gradients, padGradients);
                fixed (T* x = padded, dy = padGradients, sums = partials[part])
                    WeightGradientBlock(geometry, layout, gradients, count, x, dy, sums);
            }
            if (withBias) ConvolutionPartials<T>.SumBias(gradOutput, gradOutputOffset, first, last, outPlanes, geometry.Positions, biases[part]);
        });
        for (int part = 0; part < parts; part++) AddArranged(partials[part], outPlanes, g.Channels, taps, scale, gradWeight.Span);
        _partials.AddBiases(parts, biasScale, gradBias.Span);
    }

    /// <summary>An output row rounded up to whole vectors.</summary>
    private static int Rows(int width) => (width + Vector256<T>.Count - 1) / Vector256<T>.Count * Vector256<T>.Count;

    /// <summary>Zero-padded input planes for geometry <paramref name="g"/>: every window, and rows of whole vectors of windows.</summary>
    private static PaddedGeometry InputLayout(in ConvolutionGeometry g) =>
        new(g.Channels, g.OutputH + g.KernelH - 1, Rows(g.OutputW) + g.KernelW - 1, g.PadTop, g.PadLeft);

    /// <summary>
    /// The weights as [output plane group][input plane][tap][four output planes], zero beyond <paramref name="planes"/>
    /// output planes of <paramref name="channels"/> inputs; for the adjoint, the layer's weight [channels', planes', taps]
    /// transposed and flipped.
    /// </summary>
    private void Arrange(ReadOnlySpan<T> weight, int planes, int channels, int taps, bool adjoint)
    {
        int groups = (planes + Group - 1) / Group;
        if (_weights.Length != groups * Group * channels * taps) _weights = GC.AllocateUninitializedArray<T>(groups * Group * channels * taps, pinned: true);
        for (int o = 0; o < groups * Group; o++)
            for (int c = 0; c < channels; c++)
                for (int t = 0; t < taps; t++)
                    _weights[ArrangedIndex(o, c, t, channels, taps)] = o >= planes ? T.Zero
                        : adjoint ? weight[(c * planes + o) * taps + taps - 1 - t] : weight[(o * channels + c) * taps + t];
    }

    private static int ArrangedIndex(int o, int c, int t, int channels, int taps) => (((o / Group) * channels + c) * taps + t) * Group + o % Group;

    /// <summary>gradWeight[o, c, t] += scale · sums (arranged as <see cref="Arrange"/> lays weights out).</summary>
    private static void AddArranged(T[] sums, int planes, int channels, int taps, T scale, Span<T> gradWeight)
    {
        for (int o = 0; o < planes; o++)
            for (int c = 0; c < channels; c++)
                for (int t = 0; t < taps; t++) gradWeight[(o * channels + c) * taps + t] += scale * sums[ArrangedIndex(o, c, t, channels, taps)];
    }

    /// <summary>Copies <paramref name="count"/> images of [planes, height, width] into <paramref name="layout"/> (its extra planes and row ends zero).</summary>
    private static void CopyRows(ReadOnlySpan<T> images, int count, int planes, int height, int width, in PaddedGeometry layout, Span<T> target)
    {
        target = target[..(count * layout.Image)];
        target.Clear();
        for (int i = 0; i < count; i++)
            for (int o = 0; o < planes; o++)
                for (int y = 0; y < height; y++)
                    images.Slice(((i * planes + o) * height + y) * width, width).CopyTo(target.Slice(i * layout.Image + o * layout.Plane + y * layout.Width));
    }

    /// <summary>output = conv(input) + bias with the arranged weights, image by image.</summary>
    private void Convolve(ConvolutionGeometry g, int images, int planes, T[] input, int inputOffset, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        var layout = InputLayout(g);
        int parts = ConvolutionPlan.WorkersFor(images);
        var weights = _weights;
        Engine.For(parts, part =>
        {
            var scratch = ConvolutionScratch<T>.Current;
            var (first, last) = ConvolutionPlan.Share(images, parts, part);
            var padded = scratch.Padded(layout.Image);
            for (int image = first; image < last; image++)
            {
                layout.Fill<T>(input.AsSpan(inputOffset + image * g.ImageSize, g.ImageSize), g.Height, g.Width, 1, padded);
                fixed (T* x = padded, w = weights, y = output, b = bias.Span)
                    ConvolveImage(g, layout, planes, x, w, b, y + outputOffset + (nint)image * planes * g.Positions);
            }
        });
    }

    /// <summary>One image's output planes, four at a time, row by row, vector by vector (the last one partial).</summary>
    private static void ConvolveImage(in ConvolutionGeometry g, in PaddedGeometry layout, int planes, T* x, T* weights, T* bias, T* output)
    {
        int w = Vector256<T>.Count, taps = g.KernelH * g.KernelW;
        T* lanes = stackalloc T[Group * w];
        for (int o0 = 0; o0 < planes; o0 += Group)
        {
            T* groupWeights = weights + (nint)(o0 / Group) * g.Channels * taps * Group;
            int live = Math.Min(Group, planes - o0);
            for (int y = 0; y < g.OutputH; y++)
                for (int x0 = 0; x0 < g.OutputW; x0 += w)
                {
                    var (a0, a1, a2, a3) = Windows(g, layout, x + (nint)y * layout.Width + x0, groupWeights);
                    Vector256.Store(a0, lanes);
                    Vector256.Store(a1, lanes + w);
                    Vector256.Store(a2, lanes + 2 * w);
                    Vector256.Store(a3, lanes + 3 * w);
                    int count = Math.Min(w, g.OutputW - x0);
                    for (int j = 0; j < live; j++)
                    {
                        T* row = output + ((nint)(o0 + j) * g.OutputH + y) * g.OutputW + x0;
                        T add = bias == null ? T.Zero : bias[o0 + j];
                        if (count == w) Vector256.Store(Vector256.Load(lanes + j * w) + Vector256.Create(add), row);
                        else
                            for (int l = 0; l < count; l++) row[l] = lanes[j * w + l] + add;
                    }
                }
        }
    }

    /// <summary>
    /// Σ over input planes and taps of the window vectors at <paramref name="x"/> times four output planes' weights.
    /// Taps go in pairs to two sets of accumulators (swapped after each kernel row, so odd kernel widths even out):
    /// eight independent chains of fused multiply-adds keep both FMA units busy, where four would wait on each
    /// other's latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>, Vector256<T>) Windows(in ConvolutionGeometry g, in PaddedGeometry layout, T* x, T* weights)
    {
        Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
        int kW = g.KernelW, kH = g.KernelH, channels = g.Channels, width = layout.Width, plane = layout.Plane;
        T* w = weights;
        for (int c = 0; c < channels; c++)
            for (int ky = 0; ky < kH; ky++)
            {
                T* row = x + (nint)c * plane + (nint)ky * width;
                int kx = 0;
                for (; kx + 1 < kW; kx += 2, w += 2 * Group)
                {
                    (a0, a1, a2, a3) = Tap(Vector256.Load(row + kx), w, a0, a1, a2, a3);
                    (b0, b1, b2, b3) = Tap(Vector256.Load(row + kx + 1), w + Group, b0, b1, b2, b3);
                }
                if (kx < kW)
                {
                    (a0, a1, a2, a3) = Tap(Vector256.Load(row + kx), w, a0, a1, a2, a3);
                    w += Group;
                }
                (a0, a1, a2, a3, b0, b1, b2, b3) = (b0, b1, b2, b3, a0, a1, a2, a3);
            }
        return (a0 + b0, a1 + b1, a2 + b2, a3 + b3);
    }

    /// <summary>One tap: the window vector <paramref name="v"/> times four output planes' weights at <paramref name="w"/>, added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>, Vector256<T>) Tap(Vector256<T> v, T* w, Vector256<T> a0, Vector256<T> a1, Vector256<T> a2, Vector256<T> a3) =>
        (MicroKernel256<T>.Fmadd(Vector256.Create(w[0]), v, a0), MicroKernel256<T>.Fmadd(Vector256.Create(w[1]), v, a1),
         MicroKernel256<T>.Fmadd(Vector256.Create(w[2]), v, a2), MicroKernel256<T>.Fmadd(Vector256.Create(w[3]), v, a3));

    /// <summary>
    /// Adds to the arranged sums, for every input plane, tap and group of four output planes, the products of
    /// <paramref name="count"/> padded images' shifted rows with their padded gradient rows.
    /// </summary>
    private static void WeightGradientBlock(in ConvolutionGeometry g, in PaddedGeometry layout, in PaddedGeometry gradients, int count, T* x, T* dy, T* sums)
    {
        int w = Vector256<T>.Count, taps = g.KernelH * g.KernelW, rows = gradients.Width;
        for (int o0 = 0; o0 < gradients.Channels; o0 += Group)
            for (int c = 0; c < g.Channels; c++)
                for (int t = 0; t < taps; t++)
                {
                    // Even and odd output rows in separate accumulators: eight independent chains (see Windows).
                    Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
                    for (int i = 0; i < count; i++)
                    {
                        T* window = x + (nint)i * layout.Image + (nint)c * layout.Plane + (nint)(t / g.KernelW) * layout.Width + t % g.KernelW;
                        T* gradient = dy + (nint)i * gradients.Image + (nint)o0 * gradients.Plane;
                        int y = 0;
                        for (; y + 1 < g.OutputH; y += 2, window += 2 * layout.Width, gradient += 2 * rows)
                            for (int x0 = 0; x0 < rows; x0 += w)
                            {
                                (a0, a1, a2, a3) = Products(Vector256.Load(window + x0), gradient + x0, gradients.Plane, a0, a1, a2, a3);
                                (b0, b1, b2, b3) = Products(Vector256.Load(window + layout.Width + x0), gradient + rows + x0, gradients.Plane, b0, b1, b2, b3);
                            }
                        if (y < g.OutputH)
                            for (int x0 = 0; x0 < rows; x0 += w)
                                (a0, a1, a2, a3) = Products(Vector256.Load(window + x0), gradient + x0, gradients.Plane, a0, a1, a2, a3);
                    }
                    (a0, a1, a2, a3) = (a0 + b0, a1 + b1, a2 + b2, a3 + b3);
                    T* sum = sums + ((nint)((o0 / Group) * g.Channels + c) * taps + t) * Group;
                    sum[0] += Vector256.Sum(a0);
                    sum[1] += Vector256.Sum(a1);
                    sum[2] += Vector256.Sum(a2);
                    sum[3] += Vector256.Sum(a3);
                }
    }

    /// <summary>The input vector <paramref name="v"/> times four planes' gradient vectors at <paramref name="dy"/> (planes <paramref name="plane"/> apart), added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>, Vector256<T>, Vector256<T>) Products(Vector256<T> v, T* dy, nint plane, Vector256<T> a0, Vector256<T> a1, Vector256<T> a2, Vector256<T> a3) =>
        (MicroKernel256<T>.Fmadd(Vector256.Load(dy), v, a0), MicroKernel256<T>.Fmadd(Vector256.Load(dy + plane), v, a1),
         MicroKernel256<T>.Fmadd(Vector256.Load(dy + 2 * plane), v, a2), MicroKernel256<T>.Fmadd(Vector256.Load(dy + 3 * plane), v, a3));
}
