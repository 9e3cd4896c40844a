using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Parametric ReLU: y = x for x &gt; 0, else a·x with a learnable slope a — one shared slope (nOutputPlane = 0) or one per
/// channel (channel = dimension 1 of a batch [N, C, …], dimension 0 of [C, …]).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.PReLU</c> (PyTorch <c>nn.PReLU</c>); slopes start at 0.25 as BigDL.</remarks>
public sealed class PReLU<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="nOutputPlane">Channels with their own slope; 0 (default) for one shared slope.</param>
    public PReLU(int nOutputPlane = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nOutputPlane);
        NOutputPlane = nOutputPlane;
        Weight = new Tensor<T>(Math.Max(nOutputPlane, 1));
        GradWeight = new Tensor<T>(Math.Max(nOutputPlane, 1));
        Reset();
    }

    /// <summary>Channels with their own slope (0: one shared slope).</summary>
    public int NOutputPlane { get; }

    /// <summary>The slopes.</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the slopes.</summary>
    public Tensor<T> GradWeight { get; }

    /// <inheritdoc/>
    public override void Reset() => (WeightInitMethod ?? new ConstInitMethod(0.25)).Init(Weight, new VariableFormat(1, 1));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (outer, channels, inner) = Layout(input);
        var x = input.Contiguous().AsSpan();
        Output.ResizeAs(input);
        var y = Output.AsSpan();
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
            {
                T a = Weight[NOutputPlane == 0 ? 0 : c];
                int start = (o * channels + c) * inner;
                for (int i = start; i < start + inner; i++) y[i] = x[i] > T.Zero ? x[i] : a * x[i];
            }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (outer, channels, inner) = Layout(input);
        Require.SameShape(gradOutput, Output);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        GradInput.ResizeAs(input);
        var dx = GradInput.AsSpan();
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
            {
                T a = Weight[NOutputPlane == 0 ? 0 : c];
                int start = (o * channels + c) * inner;
                for (int i = start; i < start + inner; i++) dx[i] = x[i] > T.Zero ? g[i] : a * g[i];
            }
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (outer, channels, inner) = Layout(input);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
            {
                T sum = T.Zero;
                int start = (o * channels + c) * inner;
                for (int i = start; i < start + inner; i++)
                    if (x[i] <= T.Zero) sum += x[i] * g[i];
                GradWeight[NOutputPlane == 0 ? 0 : c] += WeightScale * sum;
            }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({NOutputPlane})";

    private (int Outer, int Channels, int Inner) Layout(Tensor<T> input)
    {
        if (NOutputPlane == 0) return (1, 1, input.NElement());
        int channelDim = input.Dim() == 1 ? 0 : input.Dim() is 2 or 4 ? 1 : 0;
        Require.Shape(input.Dim() is >= 1 and <= 4 && input.Size(channelDim) == NOutputPlane,
            $"input with {NOutputPlane} channels ([{NOutputPlane}], [N, {NOutputPlane}], [{NOutputPlane}, H, W] or [N, {NOutputPlane}, H, W])", input);
        int outer = 1, inner = 1;
        for (int d = 0; d < channelDim; d++) outer *= input.Size(d);
        for (int d = channelDim + 1; d < input.Dim(); d++) inner *= input.Size(d);
        return (outer, NOutputPlane, inner);
    }
}
