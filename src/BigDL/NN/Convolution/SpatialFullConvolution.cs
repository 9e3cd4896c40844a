using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Transposed 2-d convolution ("deconvolution") of [nInputPlane, H, W] or [N, nInputPlane, H, W], giving
/// nOutputPlane planes of (H − 1)·dH − 2·padH + kH + adjH by (W − 1)·dW − 2·padW + kW + adjW.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialFullConvolution</c> (PyTorch <c>nn.ConvTranspose2d</c>): the adjoint of a
/// <see cref="SpatialConvolution{T}"/> with the same kernel, so it runs the convolution's backward pass forward. Weight
/// [nGroup, nInputPlane/nGroup, nOutputPlane/nGroup, kH, kW], bias [nOutputPlane]; default init U(±1/√(kW·kH·nOutputPlane/nGroup)).
/// <c>adjW</c>/<c>adjH</c> (below the stride) add rows and columns at the bottom and right.
/// </remarks>
public sealed class SpatialFullConvolution<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ConvolutionKernel<T> _kernel = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="nInputPlane">Input channels.</param>
    /// <param name="nOutputPlane">Output channels.</param>
    /// <param name="kW">Kernel width.</param>
    /// <param name="kH">Kernel height.</param>
    /// <param name="dW">Horizontal step (default 1).</param>
    /// <param name="dH">Vertical step (default 1).</param>
    /// <param name="padW">Padding removed left and right (default 0).</param>
    /// <param name="padH">Padding removed top and bottom (default 0).</param>
    /// <param name="adjW">Extra columns on the right, below dW (default 0).</param>
    /// <param name="adjH">Extra rows at the bottom, below dH (default 0).</param>
    /// <param name="nGroup">Groups (default 1).</param>
    /// <param name="noBias">Leave out the bias (default false).</param>
    public SpatialFullConvolution(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0,
        int adjW = 0, int adjH = 0, int nGroup = 1, bool noBias = false)
    {
        foreach (var (value, name) in new[] { (nInputPlane, nameof(nInputPlane)), (nOutputPlane, nameof(nOutputPlane)), (kW, nameof(kW)), (kH, nameof(kH)), (dW, nameof(dW)), (dH, nameof(dH)), (nGroup, nameof(nGroup)) })
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        if (adjW < 0 || adjW >= dW) throw new ArgumentOutOfRangeException(nameof(adjW), adjW, $"adjW must be in [0, dW = {dW})");
        if (adjH < 0 || adjH >= dH) throw new ArgumentOutOfRangeException(nameof(adjH), adjH, $"adjH must be in [0, dH = {dH})");
        if (nInputPlane % nGroup != 0 || nOutputPlane % nGroup != 0)
            throw new ArgumentException($"nInputPlane {nInputPlane} and nOutputPlane {nOutputPlane} must both be divisible by nGroup {nGroup}", nameof(nGroup));
        (NInputPlane, NOutputPlane, KW, KH, DW, DH, PadW, PadH, AdjW, AdjH, NGroup) = (nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH, adjW, adjH, nGroup);
        int[] shape = [nGroup, nInputPlane / nGroup, nOutputPlane / nGroup, kH, kW];
        Weight = new Tensor<T>(shape);
        GradWeight = new Tensor<T>(shape);
        if (!noBias)
        {
            Bias = new Tensor<T>(nOutputPlane);
            GradBias = new Tensor<T>(nOutputPlane);
        }
        Reset();
    }

    /// <summary>Input channels.</summary>
    public int NInputPlane { get; }

    /// <summary>Output channels.</summary>
    public int NOutputPlane { get; }

    /// <summary>Kernel width.</summary>
    public int KW { get; }

    /// <summary>Kernel height.</summary>
    public int KH { get; }

    /// <summary>Horizontal step.</summary>
    public int DW { get; }

    /// <summary>Vertical step.</summary>
    public int DH { get; }

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; }

    /// <summary>Vertical padding.</summary>
    public int PadH { get; }

    /// <summary>Extra columns on the right.</summary>
    public int AdjW { get; }

    /// <summary>Extra rows at the bottom.</summary>
    public int AdjH { get; }

    /// <summary>Groups.</summary>
    public int NGroup { get; }

    /// <summary>The weight [nGroup, nInputPlane/nGroup, nOutputPlane/nGroup, kH, kW].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the weight.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias [nOutputPlane], or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Whether the layer has no bias.</summary>
    public bool NoBias => Bias is null;

    /// <summary>Gradient of the bias, or null.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        var format = new VariableFormat(NOutputPlane / NGroup * KH * KW, NInputPlane / NGroup * KH * KW);
        (WeightInitMethod ?? new RandomUniform()).Init(Weight, format);
        if (Bias is not null) (BiasInitMethod ?? new RandomUniform()).Init(Bias, format);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (g, images) = Geometry(input);
        var x = input.Contiguous();
        if (input.Dim() == 3) Output.Resize(NOutputPlane, g.Height, g.Width);
        else Output.Resize(images, NOutputPlane, g.Height, g.Width);
        // The output is the input gradient of a convolution from nOutputPlane to nInputPlane planes.
        _kernel.BackwardInput(g, images, NGroup, NInputPlane, x.Data, x.Offset, Weight.AsMemory(), Output.Data, Output.Offset);
        if (Bias is not null)
        {
            var planes = Output.AsSpan();
            int plane = g.Height * g.Width;
            for (int i = 0; i < images * NOutputPlane; i++)
                System.Numerics.Tensors.TensorPrimitives.Add(planes.Slice(i * plane, plane), Bias[i % NOutputPlane], planes.Slice(i * plane, plane));
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, images) = Geometry(input);
        Require.SameShape(gradOutput, Output);
        var gy = gradOutput.Contiguous();
        GradInput.ResizeAs(input);
        _kernel.Forward(g, images, NGroup, NInputPlane, gy.Data, gy.Offset, Weight.AsMemory(), default, GradInput.Data, GradInput.Offset);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, images) = Geometry(input);
        var x = input.Contiguous();
        var gy = gradOutput.Contiguous();
        _kernel.AccumulateParameters(g, images, NGroup, NInputPlane, gy.Data, gy.Offset, x.Data, x.Offset, WeightScale, GradWeight.AsMemory(), BiasScale, default);
        if (GradBias is null) return;
        var planes = gy.AsSpan();
        int plane = g.Height * g.Width;
        for (int i = 0; i < images * NOutputPlane; i++)
            GradBias[i % NOutputPlane] += BiasScale * System.Numerics.Tensors.TensorPrimitives.Sum<T>(planes.Slice(i * plane, plane));
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Bias is null ? ([Weight], [GradWeight]) : ([Weight, Bias], [GradWeight, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{PrintName}({NInputPlane} -> {NOutputPlane}, {KW}x{KH}, {DW}, {DH}, {PadW}, {PadH}, {AdjW}, {AdjH}{(NGroup > 1 ? $", group {NGroup}" : "")})";

    /// <summary>The geometry of the adjoint convolution, which runs on this layer's output size.</summary>
    private (ConvolutionGeometry Geometry, int Images) Geometry(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 3 or 4 && input.Size(-3) == NInputPlane, $"input [{NInputPlane}, H, W] or [N, {NInputPlane}, H, W]", input);
        int h = (input.Size(-2) - 1) * DH - 2 * PadH + KH + AdjH, w = (input.Size(-1) - 1) * DW - 2 * PadW + KW + AdjW;
        Require.Shape(h >= 1 && w >= 1, "an image large enough for the padding", input);
        var g = ConvolutionGeometry.Of(NOutputPlane, h, w, KH, KW, DH, DW, PadH, PadW);
        return (g, input.Dim() == 3 ? 1 : input.Size(0));
    }
}
