using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Adds a learnable tensor of shape <c>size</c>, broadcast over the input (e.g. size [1, C, 1, 1] shifts each channel).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.CAdd</c>. The bias starts U(±1/√(number of biases)), as BigDL.</remarks>
public sealed class CAdd<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _size;

    /// <summary>Creates the layer.</summary>
    /// <param name="size">Shape of the learnable bias; it must broadcast to the inputs (trailing dimensions aligned).</param>
    public CAdd(params int[] size)
    {
        _size = (int[])size.Clone();
        Bias = new Tensor<T>(_size);
        GradBias = new Tensor<T>(_size);
        Reset();
    }

    /// <summary>The learnable bias.</summary>
    public Tensor<T> Bias { get; }

    /// <summary>The bias's shape as given.</summary>
    public int[] Size => (int[])_size.Clone();

    /// <summary>Gradient of the bias.</summary>
    public Tensor<T> GradBias { get; }

    /// <inheritdoc/>
    public override void Reset() =>
        (BiasInitMethod ?? new RandomUniform()).Init(Bias, new VariableFormat(Bias.NElement(), Bias.NElement()));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        bool fits = input.Dim() >= _size.Length && Enumerable.Range(1, _size.Length).All(d => _size[^d] == 1 || _size[^d] == input.Size(-d));
        Require.Shape(fits, $"an input that {Shape.Format(_size)} broadcasts to", input);
        Output.ResizeAs(input).Copy(input).Add(Bias);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput).Copy(gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput) =>
        GradBias.Add(BiasScale, BroadcastReduction.SumTo(gradOutput, _size));

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Bias], [GradBias]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join("x", _size)})";
}
