using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Pads [C, H, W] or [N, C, H, W] with zeros on each side; negative amounts crop instead.</summary>
/// <remarks>BigDL/Torch <c>nn.SpatialZeroPadding</c> (PyTorch <c>nn.ZeroPad2d</c>).</remarks>
/// <param name="padLeft">Columns added on the left (negative: removed).</param>
/// <param name="padRight">Columns added on the right.</param>
/// <param name="padTop">Rows added on top.</param>
/// <param name="padBottom">Rows added at the bottom.</param>
public sealed class SpatialZeroPadding<T>(int padLeft, int padRight, int padTop, int padBottom) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Columns added on the left.</summary>
    public int PadLeft { get; } = padLeft;

    /// <summary>Columns added on the right.</summary>
    public int PadRight { get; } = padRight;

    /// <summary>Rows added on top.</summary>
    public int PadTop { get; } = padTop;

    /// <summary>Rows added at the bottom.</summary>
    public int PadBottom { get; } = padBottom;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (h, w, oh, ow) = Sizes(input);
        var size = input.Size();
        size[^2] = oh;
        size[^1] = ow;
        Output.Resize(size).Zero();
        Inner(Output, h, w).Copy(Source(input, h, w));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (h, w, _, _) = Sizes(input);
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Zero();
        Source(GradInput, h, w).Copy(Inner(gradOutput, h, w));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({PadLeft}, {PadRight}, {PadTop}, {PadBottom})";

    /// <summary>The part of the input that survives cropping.</summary>
    private Tensor<T> Source(Tensor<T> input, int h, int w) =>
        input.Narrow(-2, Math.Max(-PadTop, 0), h - Math.Max(-PadTop, 0) - Math.Max(-PadBottom, 0))
             .Narrow(-1, Math.Max(-PadLeft, 0), w - Math.Max(-PadLeft, 0) - Math.Max(-PadRight, 0));

    /// <summary>Where that part lands in the output.</summary>
    private Tensor<T> Inner(Tensor<T> output, int h, int w) =>
        output.Narrow(-2, Math.Max(PadTop, 0), h - Math.Max(-PadTop, 0) - Math.Max(-PadBottom, 0))
              .Narrow(-1, Math.Max(PadLeft, 0), w - Math.Max(-PadLeft, 0) - Math.Max(-PadRight, 0));

    private (int H, int W, int OutH, int OutW) Sizes(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        int h = input.Size(-2), w = input.Size(-1);
        int oh = h + PadTop + PadBottom, ow = w + PadLeft + PadRight;
        Require.Shape(h - Math.Max(-PadTop, 0) - Math.Max(-PadBottom, 0) > 0 && w - Math.Max(-PadLeft, 0) - Math.Max(-PadRight, 0) > 0,
            $"an image larger than the cropping ({PadLeft}, {PadRight}, {PadTop}, {PadBottom})", input);
        return (h, w, oh, ow);
    }
}
