using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Dropout of whole channels of [C, H, W] or [N, C, H, W] (NCHW): in training each channel is zeroed with probability
/// p, the others scaled by 1/(1 − p); identity in evaluation.
/// </summary>
/// <remarks>BigDL's <c>nn.SpatialDropout2D</c> (PyTorch <c>nn.Dropout2d</c>); channel decisions come from <see cref="RandomGenerator.Default"/>.</remarks>
/// <param name="initP">Probability of dropping a channel (default 0.5), in [0, 1).</param>
public sealed class SpatialDropout2D<T>(double initP = 0.5) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _channelMask = [];

    /// <summary>Probability of dropping a channel.</summary>
    public double P { get; } = initP >= 0 && initP < 1 ? initP : throw new ArgumentOutOfRangeException(nameof(initP), initP, "initP must be in [0, 1)");

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        Output.ResizeAs(input).Copy(input);
        if (!IsTraining || P == 0) return Output;
        int planes = input.NElement() / (input.Size(-1) * input.Size(-2));
        if (_channelMask.Length < planes) _channelMask = new T[planes];
        T keep = T.CreateTruncating(1 / (1 - P));
        var random = RandomGenerator.Default;
        for (int p = 0; p < planes; p++) _channelMask[p] = random.Bernoulli(1 - P) ? keep : T.Zero;
        Apply(Output, planes);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput);
        if (IsTraining && P > 0) Apply(GradInput, input.NElement() / (input.Size(-1) * input.Size(-2)));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({P})");

    private void Apply(Tensor<T> tensor, int planes)
    {
        var span = tensor.AsSpan();
        int plane = span.Length / planes;
        for (int p = 0; p < planes; p++)
            System.Numerics.Tensors.TensorPrimitives.Multiply(span.Slice(p * plane, plane), _channelMask[p], span.Slice(p * plane, plane));
    }
}
