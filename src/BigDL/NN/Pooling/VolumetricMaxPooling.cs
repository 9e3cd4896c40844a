using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>3-d max pooling of [C, T, H, W] or [N, C, T, H, W] with a kT×kH×kW window; the gradient goes to each window's (first) maximum.</summary>
/// <remarks>BigDL/Torch <c>nn.VolumetricMaxPooling</c> (PyTorch <c>nn.MaxPool3d</c>); argument order time, width, height, as BigDL.</remarks>
public sealed class VolumetricMaxPooling<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _argmax = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="kT">Window depth.</param>
    /// <param name="kW">Window width.</param>
    /// <param name="kH">Window height.</param>
    /// <param name="dT">Step in time (default kT).</param>
    /// <param name="dW">Horizontal step (default kW).</param>
    /// <param name="dH">Vertical step (default kH).</param>
    /// <param name="padT">Padding in time (default 0).</param>
    /// <param name="padW">Horizontal padding (default 0).</param>
    /// <param name="padH">Vertical padding (default 0).</param>
    public VolumetricMaxPooling(int kT, int kW, int kH, int dT = -1, int dW = -1, int dH = -1, int padT = 0, int padW = 0, int padH = 0)
    {
        foreach (var (value, name) in new[] { (kT, nameof(kT)), (kW, nameof(kW)), (kH, nameof(kH)) })
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        (KT, KW, KH) = (kT, kW, kH);
        (DT, DW, DH) = (dT < 0 ? kT : dT, dW < 0 ? kW : dW, dH < 0 ? kH : dH);
        (PadT, PadW, PadH) = (padT, padW, padH);
    }

    /// <summary>Window depth, width and height.</summary>
    public int KT { get; }

    /// <summary>Window width.</summary>
    public int KW { get; }

    /// <summary>Window height.</summary>
    public int KH { get; }

    /// <summary>Step in time.</summary>
    public int DT { get; }

    /// <summary>Horizontal step.</summary>
    public int DW { get; }

    /// <summary>Vertical step.</summary>
    public int DH { get; }

    /// <summary>Padding in time.</summary>
    public int PadT { get; }

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; }

    /// <summary>Vertical padding.</summary>
    public int PadH { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (planes, t, h, w, ot, oh, ow) = Sizes(input);
        var x = input.Contiguous().AsSpan();
        var size = input.Size();
        (size[^3], size[^2], size[^1]) = (ot, oh, ow);
        Output.Resize(size);
        var y = Output.AsSpan();
        int outVolume = ot * oh * ow;
        if (_argmax.Length < planes * outVolume) _argmax = new int[planes * outVolume];
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < ot; i++)
                for (int j = 0; j < oh; j++)
                    for (int k = 0; k < ow; k++)
                    {
                        T best = T.NegativeInfinity;
                        int at = -1;
                        for (int a = Math.Max(i * DT - PadT, 0); a < Math.Min(i * DT - PadT + KT, t); a++)
                            for (int b = Math.Max(j * DH - PadH, 0); b < Math.Min(j * DH - PadH + KH, h); b++)
                                for (int c = Math.Max(k * DW - PadW, 0); c < Math.Min(k * DW - PadW + KW, w); c++)
                                {
                                    int index = ((p * t + a) * h + b) * w + c;
                                    if (at < 0 || x[index] > best || T.IsNaN(x[index]))
                                    {
                                        best = x[index];
                                        at = index;
                                    }
                                }
                        int o = p * outVolume + (i * oh + j) * ow + k;
                        y[o] = best;
                        _argmax[o] = at;
                    }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous().AsSpan();
        GradInput.ResizeAs(input).Zero();
        var dx = GradInput.AsSpan();
        for (int o = 0; o < g.Length; o++) dx[_argmax[o]] += g[o];
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({KT}x{KW}x{KH}, {DT}, {DW}, {DH}, {PadT}, {PadW}, {PadH})";

    private (int Planes, int T, int H, int W, int OutT, int OutH, int OutW) Sizes(Tensor<T> input)
    {
        Require.Dims(input, "input [C, T, H, W] or [N, C, T, H, W]", 4, 5);
        int t = input.Size(-3), h = input.Size(-2), w = input.Size(-1);
        int ot = PoolingGeometry.OutputSize(t, KT, DT, PadT, false), oh = PoolingGeometry.OutputSize(h, KH, DH, PadH, false), ow = PoolingGeometry.OutputSize(w, KW, DW, PadW, false);
        Require.Shape(ot >= 1 && oh >= 1 && ow >= 1, $"a volume of at least the {KT}x{KH}x{KW} window", input);
        return (input.NElement() / (t * h * w), t, h, w, ot, oh, ow);
    }
}
