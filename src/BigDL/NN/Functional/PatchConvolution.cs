using System.Numerics;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>
/// Convolution (one group) as GEMMs whose column matrix is never materialised: each worker copies its chunk of
/// images into a zero-padded buffer and the GEMM packs its panels of patches straight from there
/// (<see cref="ImagePatches{T}"/>), so no unfolded matrix streams through memory. The weights are packed once per call
/// and shared by the workers. The input gradient of a stride-1 convolution is itself such a convolution — of the
/// output gradient with the weights flipped in space and with input and output planes swapped — and the weight
/// gradient is gradOutput · columnsᵀ with the transposed columns packed the same way.
/// </summary>
internal sealed unsafe class PatchConvolution<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly PrepackedGemm<T> _weights = new();
    private readonly PrepackedGemm<T> _flipped = new();
    private T[] _flippedWeight = [];
    private int[] _forwardTaps = [];
    private int[] _backwardTaps = [];
    private ConvolutionWorker<T>[] _workers = [];

    /// <summary>
    /// Whether the input gradient is best computed as a convolution here: stride 1, no dilation, and at least as many
    /// input as output planes. The adjoint packs outPlanes·kH·kW values per input position for inPlanes rows of output,
    /// so a widening layer (LeNet's, a network's first) packs more than it multiplies, and unfolding is faster there
    /// (measured: 3x for 1 → 6 and 3 → 64 planes, 1.6x for 64 → 128; the adjoint wins 1.4x at 128 → 128).
    /// </summary>
    public static bool SuitsBackwardInput(in ConvolutionGeometry g, int outPlanes) =>
        g.StrideH == 1 && g.StrideW == 1 && g.DilationH == 1 && g.DilationW == 1 && g.Channels >= outPlanes;

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight [outPlanes, C·kH·kW]) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        ReadOnlyMemory<T> weight, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        _weights.PackA(weight.Span, g.ColumnRows, outPlanes, g.ColumnRows);
        Convolve(g, images, outPlanes, _weights, Taps(ref _forwardTaps, g), input, inputOffset, bias, output, outputOffset);
    }

    /// <summary>gradInput[N, C, H, W] of a stride-1 convolution (see <see cref="SuitsBackwardInput"/>).</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int outPlanes, T[] gradOutput, int gradOutputOffset,
        ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        var adjoint = g.Adjoint(outPlanes);
        FlipWeights(g, outPlanes, weight.Span);
        _flipped.PackA(_flippedWeight, adjoint.ColumnRows, g.Channels, adjoint.ColumnRows);
        Convolve(adjoint, images, g.Channels, _flipped, Taps(ref _backwardTaps, adjoint), gradOutput, gradOutputOffset, default, gradInput, gradInputOffset);
    }

    /// <summary>gradWeight += scale·gradOutput·columnsᵀ; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset,
        T[] gradOutput, int gradOutputOffset, T scale, Memory<T> gradWeight, T biasScale, Memory<T> gradBias)
    {
        var plan = ConvolutionPlan.For(images, g.Positions, g.ColumnRows);
        var workers = ConvolutionWorker<T>.Ensure(ref _workers, plan.Workers);
        var padding = PaddedGeometry.For(g);
        int[] taps = Taps(ref _forwardTaps, g);
        int weightLength = gradWeight.Length, biasLength = gradBias.Length;
        var geometry = g;
        Engine.For(plan.Workers, w =>
        {
            var worker = workers[w];
            var (first, last) = plan.ChunksOf(w);
            var partialWeight = worker.PartialWeight(weightLength);
            var partialBias = worker.PartialBias(biasLength);
            T[] padded = worker.Padded(plan.PerChunk * padding.Image);
            for (int chunk = first; chunk < last; chunk++)
            {
                var (image, count) = plan.ImagesOf(chunk);
                int ld = count * geometry.Positions;
                padding.Fill<T>(input.AsSpan(inputOffset + image * geometry.ImageSize, count * geometry.ImageSize), geometry.Height, geometry.Width, count, padded);
                var source = worker.Gather(gradOutput, gradOutputOffset + image * outPlanes * geometry.Positions, count, outPlanes, geometry.Positions);
                worker.Gemm.PackA(source, ld, outPlanes, ld);
                fixed (T* images = padded)
                fixed (int* offsets = taps)
                    worker.Gemm.Run(geometry.ColumnRows, new TransposedImagePatches<T>(new ImagePatches<T>(images, offsets, padding, geometry)), partialWeight,
                        geometry.ColumnRows, accumulate: chunk != first);
                ConvolutionWorker<T>.SumPlanes(source, ld, partialBias, accumulate: chunk != first);
            }
        });
        ConvolutionWorker<T>.AddPartials(workers, plan, scale, gradWeight.Span, biasScale, gradBias.Span);
    }

    /// <summary>flipped[c, o, ky, kx] = weight[o, c, kH − 1 − ky, kW − 1 − kx].</summary>
    private void FlipWeights(in ConvolutionGeometry g, int outPlanes, ReadOnlySpan<T> weight)
    {
        int taps = g.KernelH * g.KernelW;
        if (_flippedWeight.Length != weight.Length) _flippedWeight = new T[weight.Length];
        for (int o = 0; o < outPlanes; o++)
            for (int c = 0; c < g.Channels; c++)
            {
                var from = weight.Slice((o * g.Channels + c) * taps, taps);
                var to = _flippedWeight.AsSpan((c * outPlanes + o) * taps, taps);
                for (int t = 0; t < taps; t++) to[t] = from[taps - 1 - t];
            }
    }

    private static int[] Taps(ref int[] buffer, in ConvolutionGeometry g)
    {
        if (buffer.Length != g.ColumnRows) buffer = GC.AllocateUninitializedArray<int>(g.ColumnRows, pinned: true);
        ImagePatches<T>.TapOffsets(g, PaddedGeometry.For(g), buffer);
        return buffer;
    }

    /// <summary>output = conv(input) through <paramref name="gemm"/> (packed weights [outPlanes, columnRows]) + bias.</summary>
    private void Convolve(ConvolutionGeometry g, int images, int outPlanes, PrepackedGemm<T> gemm, int[] taps, T[] input, int inputOffset,
        ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        var plan = ConvolutionPlan.For(images, g.Positions, g.ColumnRows);
        var workers = ConvolutionWorker<T>.Ensure(ref _workers, plan.Workers);
        var padding = PaddedGeometry.For(g);
        Engine.For(plan.Workers, w =>
        {
            var worker = workers[w];
            var (first, last) = plan.ChunksOf(w);
            ReadOnlySpan<T> biases = bias.Span;
            T[] padded = worker.Padded(plan.PerChunk * padding.Image);
            for (int chunk = first; chunk < last; chunk++)
            {
                var (image, count) = plan.ImagesOf(chunk);
                int ld = count * g.Positions;
                padding.Fill<T>(input.AsSpan(inputOffset + image * g.ImageSize, count * g.ImageSize), g.Height, g.Width, count, padded);
                var result = output.AsSpan(outputOffset + image * outPlanes * g.Positions, count * outPlanes * g.Positions);
                var target = count == 1 ? result : worker.Gathered(outPlanes * ld);
                fixed (T* images = padded)
                fixed (int* offsets = taps)
                    gemm.Run(ld, new ImagePatches<T>(images, offsets, padding, g), target, ld);
                ConvolutionWorker<T>.WriteOutput(target, result, count, outPlanes, g.Positions, biases);
            }
        });
    }
}
