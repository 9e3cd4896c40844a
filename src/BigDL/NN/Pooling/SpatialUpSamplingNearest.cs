using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Nearest-neighbour upsampling of [C, H, W] or [N, C, H, W] by integer factors: each pixel becomes a block of
/// scaleH×scaleW copies; the gradient sums each block.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.SpatialUpSamplingNearest(scale)</c>; <see cref="UpSampling2D{T}"/> is BigDL's Keras-style form with separate factors.</remarks>
public class SpatialUpSamplingNearest<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer with one factor for both axes.</summary>
    /// <param name="scale">Upsampling factor (at least 1).</param>
    public SpatialUpSamplingNearest(int scale) : this(scale, scale)
    {
    }

    private protected SpatialUpSamplingNearest(int scaleH, int scaleW)
    {
        if (scaleH < 1) throw new ArgumentOutOfRangeException(nameof(scaleH), scaleH, "scale factors must be at least 1");
        if (scaleW < 1) throw new ArgumentOutOfRangeException(nameof(scaleW), scaleW, "scale factors must be at least 1");
        (FactorH, FactorW) = (scaleH, scaleW);
    }

    /// <summary>Vertical factor.</summary>
    public int FactorH { get; }

    /// <summary>Horizontal factor.</summary>
    public int FactorW { get; }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        int h = input.Size(-2), w = input.Size(-1);
        var size = input.Size();
        size[^2] = h * FactorH;
        size[^1] = w * FactorW;
        var x = input.Contiguous();
        // View the output as [planes, H, scaleH, W, scaleW] and broadcast each pixel into its block.
        var blocks = Output.Resize(size).View(x.NElement() / (h * w), h, FactorH, w, FactorW);
        blocks.Copy(x.View(x.NElement() / (h * w), h, 1, w, 1).Expand(blocks.Size()));
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        int h = input.Size(-2), w = input.Size(-1);
        var blocks = gradOutput.Contiguous().View(input.NElement() / (h * w), h, FactorH, w, FactorW);
        GradInput.ResizeAs(input).Copy(blocks.Sum(4).Sum(2).View(input.Size()));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => FactorH == FactorW ? $"{PrintName}({FactorH})" : $"{PrintName}({FactorH}, {FactorW})";
}
