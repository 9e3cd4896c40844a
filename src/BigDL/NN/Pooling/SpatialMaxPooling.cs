using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 2-d max pooling of [C, H, W] or [N, C, H, W] with a kW×kH window moved by (dW, dH); output height
/// (H + 2·padH − kH) / dH + 1, rounded down, or up after <see cref="Ceil"/>.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialMaxPooling</c> (PyTorch <c>nn.MaxPool2d</c>; <c>Ceil()</c> is <c>ceil_mode=True</c>).
/// Width before height, as BigDL. The gradient goes to the first maximum of each window.
/// </remarks>
public sealed class SpatialMaxPooling<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _argmax = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="kW">Window width.</param>
    /// <param name="kH">Window height.</param>
    /// <param name="dW">Horizontal step (default 1).</param>
    /// <param name="dH">Vertical step (default 1).</param>
    /// <param name="padW">Padding left and right (default 0; at most half the window).</param>
    /// <param name="padH">Padding top and bottom (default 0; at most half the window).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or step is not positive, or a padding exceeds half the window.</exception>
    public SpatialMaxPooling(int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kW);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dW);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dH);
        if (padW < 0 || padW > kW / 2) throw new ArgumentOutOfRangeException(nameof(padW), padW, $"padW must be in [0, kW/2 = {kW / 2}]");
        if (padH < 0 || padH > kH / 2) throw new ArgumentOutOfRangeException(nameof(padH), padH, $"padH must be in [0, kH/2 = {kH / 2}]");
        (KW, KH, DW, DH, PadW, PadH) = (kW, kH, dW, dH, padW, padH);
    }

    /// <summary>Window width.</summary>
    public int KW { get; }

    /// <summary>Window height.</summary>
    public int KH { get; }

    /// <summary>Horizontal step.</summary>
    public int DW { get; }

    /// <summary>Vertical step.</summary>
    public int DH { get; }

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; }

    /// <summary>Vertical padding.</summary>
    public int PadH { get; }

    /// <summary>Whether output sizes round up (ceil mode).</summary>
    public bool CeilMode { get; private set; }

    /// <summary>Rounds output sizes up (BigDL's <c>ceil()</c>).</summary>
    public SpatialMaxPooling<T> Ceil()
    {
        CeilMode = true;
        return this;
    }

    /// <summary>Rounds output sizes down, the default (BigDL's <c>floor()</c>).</summary>
    public SpatialMaxPooling<T> Floor()
    {
        CeilMode = false;
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (planes, h, w, oh, ow) = Sizes(input);
        var x = input.Contiguous();
        if (input.Dim() == 3) Output.Resize(input.Size(0), oh, ow);
        else Output.Resize(input.Size(0), input.Size(1), oh, ow);
        if (_argmax.Length < planes * oh * ow) _argmax = new int[planes * oh * ow];
        MaxPooling2D.Forward(x.Data, x.Offset, Output.Data, Output.Offset, _argmax, planes, new MaxPooling2D.Window(h, w, oh, ow, KH, KW, DH, DW, PadH, PadW));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (planes, h, w, oh, ow) = Sizes(input);
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous();
        GradInput.ResizeAs(input);
        MaxPooling2D.Backward(g.Data, g.Offset, GradInput.Data, GradInput.Offset, _argmax, planes, new MaxPooling2D.Window(h, w, oh, ow, KH, KW, DH, DW, PadH, PadW));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({KW}, {KH}, {DW}, {DH}, {PadW}, {PadH}{(CeilMode ? ", ceil" : "")})";

    private (int Planes, int H, int W, int OutH, int OutW) Sizes(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        int h = input.Size(-2), w = input.Size(-1);
        int oh = PoolingGeometry.OutputSize(h, KH, DH, PadH, CeilMode), ow = PoolingGeometry.OutputSize(w, KW, DW, PadW, CeilMode);
        Require.Shape(oh >= 1 && ow >= 1, $"an image of at least the {KW}x{KH} window (after padding {PadW}, {PadH})", input);
        return (input.NElement() / (h * w), h, w, oh, ow);
    }
}
