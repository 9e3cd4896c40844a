using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Element-wise product with a learnable tensor of shape <c>size</c>, broadcast over the input (e.g. size [1, C, 1, 1]
/// scales each channel of [N, C, H, W]; size [D] scales each feature of [N, D]).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.CMul</c>. Weight starts U(±1/√(number of weights)), as BigDL.</remarks>
public sealed class CMul<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _size;

    /// <summary>Creates the layer.</summary>
    /// <param name="size">Shape of the learnable weight; it must broadcast to the inputs (trailing dimensions aligned).</param>
    public CMul(params int[] size)
    {
        _size = (int[])size.Clone();
        Weight = new Tensor<T>(_size);
        GradWeight = new Tensor<T>(_size);
        Reset();
    }

    /// <summary>The learnable factors.</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The weight's shape as given.</summary>
    public int[] Size => (int[])_size.Clone();

    /// <summary>Gradient of the factors.</summary>
    public Tensor<T> GradWeight { get; }

    /// <inheritdoc/>
    public override void Reset() =>
        (WeightInitMethod ?? new RandomUniform()).Init(Weight, new VariableFormat(Weight.NElement(), Weight.NElement()));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Shape(Broadcasts(input), $"an input that {Shape.Format(_size)} broadcasts to", input);
        Output.ResizeAs(input).Copy(input).CMul(Weight);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput).CMul(Weight);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput) =>
        GradWeight.Add(WeightScale, BroadcastReduction.SumTo(gradOutput.Clone().CMul(input), _size));

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join("x", _size)})";

    private bool Broadcasts(Tensor<T> input)
    {
        if (input.Dim() < _size.Length) return false;
        for (int d = 1; d <= _size.Length; d++)
            if (_size[^d] != 1 && _size[^d] != input.Size(-d)) return false;
        return true;
    }
}
