using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 1-d convolution over time of [T, inputFrameSize] or [N, T, inputFrameSize]: each output frame is a linear map of
/// kernelW consecutive input frames, giving [T′, outputFrameSize] with T′ = (T − kernelW) / strideW + 1.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.TemporalConvolution</c> (PyTorch <c>nn.Conv1d</c> on channels-last data). Computed by a
/// <see cref="SpatialConvolution{T}"/> (its child, weight [1, outputFrameSize, inputFrameSize, 1, kernelW]) on the
/// frames laid out as [N, inputFrameSize, 1, T].
/// </remarks>
public sealed class TemporalConvolution<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SpatialConvolution<T> _convolution;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputFrameSize">Features per input frame.</param>
    /// <param name="outputFrameSize">Features per output frame.</param>
    /// <param name="kernelW">Frames per window.</param>
    /// <param name="strideW">Frames between windows (default 1).</param>
    public TemporalConvolution(int inputFrameSize, int outputFrameSize, int kernelW, int strideW = 1) : base(new Tensor<T>(), new Tensor<T>())
    {
        _convolution = new SpatialConvolution<T>(inputFrameSize, outputFrameSize, kernelW, 1, strideW, 1);
        AddModule(_convolution);
        (InputFrameSize, OutputFrameSize, KernelW, StrideW) = (inputFrameSize, outputFrameSize, kernelW, strideW);
    }

    /// <summary>Features per input frame.</summary>
    public int InputFrameSize { get; }

    /// <summary>Features per output frame.</summary>
    public int OutputFrameSize { get; }

    /// <summary>Frames per window.</summary>
    public int KernelW { get; }

    /// <summary>Frames between windows.</summary>
    public int StrideW { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var images = Images(input);
        var y = ForwardChild(0, images).ToTensor<T>();
        var frames = y.View(y.Size(0), OutputFrameSize, y.Size(3)).Transpose(1, 2);
        Output.Resize(input.Dim() == 2 ? [frames.Size(1), OutputFrameSize] : frames.Size()).Copy(input.Dim() == 2 ? frames.Select(0, 0) : frames);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var g = input.Dim() == 2 ? gradOutput.Unsqueeze(0) : gradOutput;
        var gradImages = g.Transpose(1, 2).Contiguous().View(g.Size(0), OutputFrameSize, 1, g.Size(1));
        var dx = BackwardChild(0, Images(input), gradImages).ToTensor<T>();
        var frames = dx.View(dx.Size(0), InputFrameSize, dx.Size(3)).Transpose(1, 2);
        GradInput.ResizeAs(input).Copy(input.Dim() == 2 ? frames.Select(0, 0) : frames);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputFrameSize} -> {OutputFrameSize}, {KernelW}, {StrideW})";

    internal override string OneLine => ToString();

    private Tensor<T> Images(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 2 or 3 && input.Size(-1) == InputFrameSize, $"input [T, {InputFrameSize}] or [N, T, {InputFrameSize}]", input);
        var batch = input.Dim() == 2 ? input.Unsqueeze(0) : input;
        Require.Shape(batch.Size(1) >= KernelW, $"at least {KernelW} frames", input);
        return batch.Transpose(1, 2).Contiguous().View(batch.Size(0), InputFrameSize, 1, batch.Size(1));
    }
}
