using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 2-d average pooling of [C, H, W] or [N, C, H, W] with a kW×kH window moved by (dW, dH); global pooling averages
/// each whole plane.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialAveragePooling</c> (PyTorch <c>nn.AvgPool2d</c>). Width before height, as BigDL. With
/// <c>countIncludePad</c> the divisor counts padded positions (windows are still clipped to the padded input);
/// without <c>divide</c> windows are summed.
/// </remarks>
/// <param name="kW">Window width.</param>
/// <param name="kH">Window height.</param>
/// <param name="dW">Horizontal step (default 1).</param>
/// <param name="dH">Vertical step (default 1).</param>
/// <param name="padW">Padding left and right (default 0).</param>
/// <param name="padH">Padding top and bottom (default 0).</param>
/// <param name="globalPooling">Average each whole plane, ignoring the window (default false).</param>
/// <param name="ceilMode">Round output sizes up (default false).</param>
/// <param name="countIncludePad">Count padding in the divisor (default true).</param>
/// <param name="divide">Divide by the window size (default true); false sums.</param>
public sealed class SpatialAveragePooling<T>(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0,
    bool globalPooling = false, bool ceilMode = false, bool countIncludePad = true, bool divide = true) : TensorModule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Window width.</summary>
    public int KW { get; } = kW > 0 || globalPooling ? kW : throw new ArgumentOutOfRangeException(nameof(kW), kW, "kW must be positive");

    /// <summary>Window height.</summary>
    public int KH { get; } = kH > 0 || globalPooling ? kH : throw new ArgumentOutOfRangeException(nameof(kH), kH, "kH must be positive");

    /// <summary>Horizontal step.</summary>
    public int DW { get; } = dW > 0 ? dW : throw new ArgumentOutOfRangeException(nameof(dW), dW, "dW must be positive");

    /// <summary>Vertical step.</summary>
    public int DH { get; } = dH > 0 ? dH : throw new ArgumentOutOfRangeException(nameof(dH), dH, "dH must be positive");

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; } = padW;

    /// <summary>Vertical padding.</summary>
    public int PadH { get; } = padH;

    /// <summary>Whether each whole plane is averaged.</summary>
    public bool GlobalPooling { get; } = globalPooling;

    /// <summary>Whether output sizes round up.</summary>
    public bool CeilMode { get; } = ceilMode;

    /// <summary>Whether padding counts in the divisor.</summary>
    public bool CountIncludePad { get; } = countIncludePad;

    /// <summary>Whether windows are averaged (else summed).</summary>
    public bool Divide { get; } = divide;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (planes, w) = Geometry(input);
        var x = input.Contiguous();
        if (input.Dim() == 3) Output.Resize(input.Size(0), w.OutH, w.OutW);
        else Output.Resize(input.Size(0), input.Size(1), w.OutH, w.OutW);
        AveragePooling2D.Forward(x.Data, x.Offset, Output.Data, Output.Offset, planes, w);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (planes, w) = Geometry(input);
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous();
        GradInput.ResizeAs(input);
        AveragePooling2D.Backward(g.Data, g.Offset, GradInput.Data, GradInput.Offset, planes, w);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => GlobalPooling ? $"{PrintName}(global)" : $"{PrintName}({KW}, {KH}, {DW}, {DH}, {PadW}, {PadH}{(CeilMode ? ", ceil" : "")})";

    private (int Planes, AveragePooling2D.Window Window) Geometry(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        int h = input.Size(-2), w = input.Size(-1);
        var (kh, kw, dh, dw, ph, pw) = GlobalPooling ? (h, w, 1, 1, 0, 0) : (KH, KW, DH, DW, PadH, PadW);
        int oh = PoolingGeometry.OutputSize(h, kh, dh, ph, CeilMode), ow = PoolingGeometry.OutputSize(w, kw, dw, pw, CeilMode);
        Require.Shape(oh >= 1 && ow >= 1, $"an image of at least the {kw}x{kh} window (after padding {pw}, {ph})", input);
        return (input.NElement() / (h * w), new(h, w, oh, ow, kh, kw, dh, dw, ph, pw, CountIncludePad, Divide));
    }
}
