using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Max pooling over time of [T, F] or [N, T, F] with windows of kW frames moved by dW, per feature.</summary>
/// <remarks>BigDL/Torch <c>nn.TemporalMaxPooling</c> (PyTorch <c>nn.MaxPool1d</c> on channels-last data); computed by a <see cref="SpatialMaxPooling{T}"/> child.</remarks>
public sealed class TemporalMaxPooling<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="kW">Frames per window.</param>
    /// <param name="dW">Frames between windows (default kW).</param>
    public TemporalMaxPooling(int kW, int dW = -1) : base(new Tensor<T>(), new Tensor<T>())
    {
        KW = kW;
        DW = dW == -1 ? kW : dW;
        AddModule(new SpatialMaxPooling<T>(KW, 1, DW, 1));
    }

    /// <summary>Frames per window.</summary>
    public int KW { get; }

    /// <summary>Frames between windows.</summary>
    public int DW { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var y = ForwardChild(0, Images(input)).ToTensor<T>();
        var frames = y.View(y.Size(0), y.Size(1), y.Size(3)).Transpose(1, 2);
        Output.Resize(input.Dim() == 2 ? [frames.Size(1), frames.Size(2)] : frames.Size()).Copy(input.Dim() == 2 ? frames.Select(0, 0) : frames);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var g = input.Dim() == 2 ? gradOutput.Unsqueeze(0) : gradOutput;
        var dx = BackwardChild(0, Images(input), g.Transpose(1, 2).Contiguous().View(g.Size(0), g.Size(2), 1, g.Size(1))).ToTensor<T>();
        var frames = dx.View(dx.Size(0), dx.Size(1), dx.Size(3)).Transpose(1, 2);
        GradInput.ResizeAs(input).Copy(input.Dim() == 2 ? frames.Select(0, 0) : frames);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({KW}, {DW})";

    internal override string OneLine => ToString();

    private Tensor<T> Images(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 2 or 3 && input.Size(-2) >= KW, $"input [T, F] or [N, T, F] with at least {KW} frames", input);
        var batch = input.Dim() == 2 ? input.Unsqueeze(0) : input;
        return batch.Transpose(1, 2).Contiguous().View(batch.Size(0), batch.Size(2), 1, batch.Size(1));
    }
}
