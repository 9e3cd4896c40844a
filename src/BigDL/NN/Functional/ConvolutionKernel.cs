using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// 2-d convolution of a batch of images, split over the Engine's cores by whole images. One-group convolutions:
/// 3×3 stride-1 ones with many planes by Winograd's F(2×2, 3×3) (<see cref="WinogradConvolution{T}"/>, forward and
/// both gradients); stride-1 ones with very few planes directly (<see cref="DirectConvolution{T}"/>); the others as
/// GEMMs that pack image patches straight from padded images (<see cref="PatchConvolution{T}"/>, the input gradient
/// too when the stride is 1 and the layer does not widen, see <see cref="ConvolutionPlan"/>). Grouped ones, and the
/// remaining input gradients, unfold the images first (<see cref="UnfoldedConvolution{T}"/>). Buffers live in these
/// objects (one set per worker) or in the threads' scratch, and are reused, so steady-state calls allocate nothing large.
/// </summary>
/// <remarks>Weights are [groups, outPerGroup, inPerGroup, kH, kW] and contiguous, as in BigDL's SpatialConvolution.</remarks>
internal sealed class ConvolutionKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly PatchConvolution<T> _patches = new();
    private readonly UnfoldedConvolution<T> _unfolded = new();
    private readonly WinogradConvolution<T> _winograd = new();
    private readonly DirectConvolution<T> _direct = new();

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, ReadOnlyMemory<T> weight, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        if (groups == 1 && WinogradConvolution<T>.Pays(g, images, outPlanes))
            _winograd.Forward(g, images, outPlanes, input, inputOffset, weight, bias, output, outputOffset);
        else if (groups == 1 && DirectConvolution<T>.Pays(g, outPlanes))
            _direct.Forward(g, images, outPlanes, input, inputOffset, weight, bias, output, outputOffset);
        else if (groups == 1) _patches.Forward(g, images, outPlanes, input, inputOffset, weight, bias, output, outputOffset);
        else _unfolded.Forward(g, images, groups, outPlanes, input, inputOffset, weight, bias, output, outputOffset);
    }

    /// <summary>gradInput[N, C, H, W] = transposed convolution of gradOutput with the weight.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] gradOutput, int gradOutputOffset, ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        if (groups == 1 && WinogradConvolution<T>.Pays(g, images, outPlanes))
            _winograd.BackwardInput(g, images, outPlanes, gradOutput, gradOutputOffset, weight, gradInput, gradInputOffset);
        else if (groups == 1 && DirectConvolution<T>.Pays(g, outPlanes))
            _direct.BackwardInput(g, images, outPlanes, gradOutput, gradOutputOffset, weight, gradInput, gradInputOffset);
        else if (groups == 1 && PatchConvolution<T>.SuitsBackwardInput(g, outPlanes))
            _patches.BackwardInput(g, images, outPlanes, gradOutput, gradOutputOffset, weight, gradInput, gradInputOffset);
        else _unfolded.BackwardInput(g, images, groups, outPlanes, gradOutput, gradOutputOffset, weight, gradInput, gradInputOffset);
    }

    /// <summary>gradWeight += scale·gradOutput·columnsᵀ; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, T[] gradOutput, int gradOutputOffset, T scale, Memory<T> gradWeight, T biasScale, Memory<T> gradBias)
    {
        if (groups == 1 && WinogradConvolution<T>.Pays(g, images, outPlanes, WinogradConvolution<T>.MinWeightGradientTiles))
            _winograd.AccumulateParameters(g, images, outPlanes, input, inputOffset, gradOutput, gradOutputOffset, scale, gradWeight, biasScale, gradBias);
        else if (groups == 1 && DirectConvolution<T>.Pays(g, outPlanes))
            _direct.AccumulateParameters(g, images, outPlanes, input, inputOffset, gradOutput, gradOutputOffset, scale, gradWeight, biasScale, gradBias);
        else if (groups == 1)
            _patches.AccumulateParameters(g, images, outPlanes, input, inputOffset, gradOutput, gradOutputOffset, scale, gradWeight, biasScale, gradBias);
        else _unfolded.AccumulateParameters(g, images, groups, outPlanes, input, inputOffset, gradOutput, gradOutputOffset, scale, gradWeight, biasScale, gradBias);
    }
}
