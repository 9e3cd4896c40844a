using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 2-d convolution over an image [nInputPlane, H, W] or a batch [N, nInputPlane, H, W] (NCHW), giving
/// [nOutputPlane, oH, oW] (batched likewise) with oH = (H + 2·padH − kernelH) / strideH + 1.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialConvolution</c> (PyTorch <c>nn.Conv2d</c>). Arguments give width before height, as
/// BigDL. A padding of −1 means SAME (TensorFlow's rule: output ⌈size/stride⌉). Weight is [nGroup,
/// nOutputPlane/nGroup, nInputPlane/nGroup, kernelH, kernelW], bias [nOutputPlane]; both start as
/// U(±1/√(kernelW·kernelH·nInputPlane/nGroup)). Computed as im2col + GEMM through the BLAS seam.
/// </remarks>
public class SpatialConvolution<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ConvolutionKernel<T> _kernel = new();
    private readonly Tensor<T>? _initWeight;
    private readonly Tensor<T>? _initBias;

    /// <summary>Creates the layer.</summary>
    /// <param name="nInputPlane">Input channels.</param>
    /// <param name="nOutputPlane">Output channels.</param>
    /// <param name="kernelW">Kernel width.</param>
    /// <param name="kernelH">Kernel height.</param>
    /// <param name="strideW">Horizontal step (default 1).</param>
    /// <param name="strideH">Vertical step (default 1).</param>
    /// <param name="padW">Zeros added left and right (default 0; −1: SAME).</param>
    /// <param name="padH">Zeros added top and bottom (default 0; −1: SAME).</param>
    /// <param name="nGroup">Groups: each output channel sees nInputPlane/nGroup input channels (default 1).</param>
    /// <param name="propagateBack">Whether to compute the input gradient (false for a first layer saves time).</param>
    /// <param name="withBias">Whether to add a learnable bias (default true).</param>
    /// <param name="initWeight">Initial weight, kept by <see cref="Reset"/>; null: random.</param>
    /// <param name="initBias">Initial bias, kept by <see cref="Reset"/>; null: random.</param>
    /// <exception cref="ArgumentException">A size is not positive, a padding is below −1, the planes are not divisible by nGroup, or an initial tensor has the wrong shape.</exception>
    public SpatialConvolution(int nInputPlane, int nOutputPlane, int kernelW, int kernelH, int strideW = 1, int strideH = 1,
        int padW = 0, int padH = 0, int nGroup = 1, bool propagateBack = true, bool withBias = true,
        Tensor<T>? initWeight = null, Tensor<T>? initBias = null)
        : this(nInputPlane, nOutputPlane, kernelW, kernelH, strideW, strideH, padW, padH, 1, 1, nGroup, propagateBack, withBias, initWeight, initBias)
    {
    }

    /// <summary>The full constructor, with dilation (used by <see cref="SpatialDilatedConvolution{T}"/>).</summary>
    private protected SpatialConvolution(int nInputPlane, int nOutputPlane, int kernelW, int kernelH, int strideW, int strideH,
        int padW, int padH, int dilationW, int dilationH, int nGroup, bool propagateBack, bool withBias, Tensor<T>? initWeight, Tensor<T>? initBias)
    {
        if (dilationW <= 0) throw new ArgumentOutOfRangeException(nameof(dilationW), dilationW, "dilationW must be positive");
        if (dilationH <= 0) throw new ArgumentOutOfRangeException(nameof(dilationH), dilationH, "dilationH must be positive");
        (DilationW, DilationH) = (dilationW, dilationH);
        foreach (var (value, name) in new[] { (nInputPlane, nameof(nInputPlane)), (nOutputPlane, nameof(nOutputPlane)), (kernelW, nameof(kernelW)),
                     (kernelH, nameof(kernelH)), (strideW, nameof(strideW)), (strideH, nameof(strideH)), (nGroup, nameof(nGroup)) })
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        if (padW < -1) throw new ArgumentOutOfRangeException(nameof(padW), padW, "padW must be -1 (SAME) or at least 0");
        if (padH < -1) throw new ArgumentOutOfRangeException(nameof(padH), padH, "padH must be -1 (SAME) or at least 0");
        if (nInputPlane % nGroup != 0 || nOutputPlane % nGroup != 0)
            throw new ArgumentException($"nInputPlane {nInputPlane} and nOutputPlane {nOutputPlane} must both be divisible by nGroup {nGroup}", nameof(nGroup));
        (NInputPlane, NOutputPlane, KernelW, KernelH, StrideW, StrideH, PadW, PadH, NGroup, PropagateBack) =
            (nInputPlane, nOutputPlane, kernelW, kernelH, strideW, strideH, padW, padH, nGroup, propagateBack);
        int[] weightShape = [nGroup, nOutputPlane / nGroup, nInputPlane / nGroup, kernelH, kernelW];
        Weight = new Tensor<T>(weightShape);
        GradWeight = new Tensor<T>(weightShape);
        if (withBias)
        {
            Bias = new Tensor<T>(nOutputPlane);
            GradBias = new Tensor<T>(nOutputPlane);
        }
        if (initWeight is not null)
            Require.Shape(initWeight.NElement() == Weight.NElement(), $"{Shape.Format(weightShape)} ({Weight.NElement()} elements)", initWeight, nameof(initWeight));
        if (initBias is not null)
            Require.Shape(withBias && initBias.NElement() == nOutputPlane, $"[{nOutputPlane}] (with withBias true)", initBias, nameof(initBias));
        _initWeight = initWeight?.Contiguous().View(weightShape).Clone();
        _initBias = initBias?.Contiguous().View(nOutputPlane).Clone();
        Reset();
    }

    /// <summary>Input channels.</summary>
    public int NInputPlane { get; }

    /// <summary>Output channels.</summary>
    public int NOutputPlane { get; }

    /// <summary>Kernel width.</summary>
    public int KernelW { get; }

    /// <summary>Kernel height.</summary>
    public int KernelH { get; }

    /// <summary>Horizontal step.</summary>
    public int StrideW { get; }

    /// <summary>Vertical step.</summary>
    public int StrideH { get; }

    /// <summary>Horizontal padding (−1: SAME).</summary>
    public int PadW { get; }

    /// <summary>Vertical padding (−1: SAME).</summary>
    public int PadH { get; }

    /// <summary>Horizontal distance between kernel taps (1: an ordinary convolution).</summary>
    public int DilationW { get; }

    /// <summary>Vertical distance between kernel taps.</summary>
    public int DilationH { get; }

    /// <summary>Number of groups.</summary>
    public int NGroup { get; }

    /// <summary>Whether the input gradient is computed.</summary>
    public bool PropagateBack { get; }

    /// <summary>The weight [nGroup, nOutputPlane/nGroup, nInputPlane/nGroup, kernelH, kernelW].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the weight.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias [nOutputPlane], or null without bias.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool WithBias => Bias is not null;

    /// <summary>Gradient of the bias, or null without bias.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        int fanIn = NInputPlane / NGroup * KernelH * KernelW;
        var format = new VariableFormat(fanIn, NOutputPlane / NGroup * KernelH * KernelW);
        if (_initWeight is not null) Weight.Copy(_initWeight);
        else (WeightInitMethod ?? new RandomUniform()).Init(Weight, format);
        if (Bias is null) return;
        if (_initBias is not null) Bias.Copy(_initBias);
        else (BiasInitMethod ?? new RandomUniform()).Init(Bias, format);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (g, images) = Geometry(input);
        var x = input.Contiguous();
        if (input.Dim() == 3) Output.Resize(NOutputPlane, g.OutputH, g.OutputW);
        else Output.Resize(images, NOutputPlane, g.OutputH, g.OutputW);
        _kernel.Forward(g, images, NGroup, NOutputPlane, x.Data, x.Offset, Weight.AsMemory(),
            Bias is null ? default : Bias.AsMemory(), Output.Data, Output.Offset);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, images) = Geometry(input);
        Require.SameShape(gradOutput, Output);
        if (!PropagateBack) return GradInput;
        var gy = gradOutput.Contiguous();
        GradInput.ResizeAs(input);
        _kernel.BackwardInput(g, images, NGroup, NOutputPlane, gy.Data, gy.Offset, Weight.AsMemory(), GradInput.Data, GradInput.Offset);
        return GradInput;
    }

    /// <summary>The weight gradient needs only the input and the output gradient.</summary>
    private protected override bool ParametersNeedNoInputGradient => true;

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, images) = Geometry(input);
        var x = input.Contiguous();
        var gy = gradOutput.Contiguous();
        _kernel.AccumulateParameters(g, images, NGroup, NOutputPlane, x.Data, x.Offset, gy.Data, gy.Offset,
            WeightScale, GradWeight.AsMemory(), BiasScale, GradBias is null ? default : GradBias.AsMemory());
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Bias is null ? ([Weight], [GradWeight]) : ([Weight, Bias], [GradWeight, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{PrintName}({NInputPlane} -> {NOutputPlane}, {KernelW}x{KernelH}, {StrideW}, {StrideH}, {PadW}, {PadH}{(DilationW * DilationH > 1 ? $", dilation {DilationW}x{DilationH}" : "")}{(NGroup > 1 ? $", group {NGroup}" : "")}{(Bias is null ? ", without bias" : "")})";

    private (ConvolutionGeometry Geometry, int Images) Geometry(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 3 or 4 && input.Size(-3) == NInputPlane,
            $"input [{NInputPlane}, H, W] or [N, {NInputPlane}, H, W]", input);
        var g = ConvolutionGeometry.Of(NInputPlane, input.Size(-2), input.Size(-1), KernelH, KernelW, StrideH, StrideW, PadH, PadW, DilationH, DilationW);
        Require.Shape(g.OutputH >= 1 && g.OutputW >= 1,
            $"an image of at least the kernel's {DilationH * (KernelH - 1) + 1}x{DilationW * (KernelW - 1) + 1} extent (after padding {PadH}, {PadW})", input);
        return (g, input.Dim() == 3 ? 1 : input.Size(0));
    }
}
