using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Runs a module on inputs with extra leading dimensions: an input of more than <c>nInputDim</c> dimensions has its
/// leading dimensions folded into one batch dimension, and the output gets them back.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.Bottle</c>: e.g. <c>new Bottle&lt;float&gt;(new Linear&lt;float&gt;(10, 5))</c> maps [A, B, 10] to
/// [A, B, 5]. The module sees [A·B, …] with <c>nInputDim</c> dimensions.
/// </remarks>
public sealed class Bottle<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="module">The module to run.</param>
    /// <param name="nInputDim">Dimensions the module takes, batch included (default 2).</param>
    /// <param name="nOutputDim1">Dimensions the module gives, batch included (default: as nInputDim).</param>
    public Bottle(Module<T> module, int nInputDim = 2, int nOutputDim1 = int.MaxValue) : base(new Tensor<T>(), new Tensor<T>())
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nInputDim);
        NInputDim = nInputDim;
        NOutputDim = nOutputDim1 == int.MaxValue ? nInputDim : nOutputDim1;
        AddModule(module);
    }

    /// <summary>Dimensions the module takes, batch included.</summary>
    public int NInputDim { get; }

    /// <summary>Dimensions the module gives, batch included.</summary>
    public int NOutputDim { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Shape(input.Dim() >= NInputDim, $"an input of at least {NInputDim} dimensions", input);
        var y = ForwardChild(0, Fold(input)).ToTensor<T>();
        var leading = input.Size()[..(input.Dim() - NInputDim + 1)];
        Output = y.Contiguous().View([.. leading, .. y.Size()[1..]]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        int extra = input.Dim() - NInputDim;
        var folded = gradOutput.Contiguous().View([Fold(input).Size(0), .. gradOutput.Size()[(extra + 1)..]]);
        GradInput = BackwardChild(0, Fold(input), folded).ToTensor<T>().Contiguous().View(input.Size());
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Modules[0]}, {NInputDim}, {NOutputDim})";

    private Tensor<T> Fold(Tensor<T> input)
    {
        int extra = input.Dim() - NInputDim;
        var size = input.Size();
        int batch = 1;
        for (int d = 0; d <= extra; d++) batch *= size[d];
        return input.Contiguous().View([batch, .. size[(extra + 1)..]]);
    }
}
