using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Applies a tensor layer to every time step of [N, T, …] by folding time into the batch ([N·T, …]) and back.
/// </summary>
/// <remarks>BigDL's <c>TimeDistributed</c> (Keras's TimeDistributed), e.g. a Linear on every step of an RNN's output.</remarks>
public sealed class TimeDistributed<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer around <paramref name="layer"/>.</summary>
    public TimeDistributed(Module<T> layer) : base(new Tensor<T>(), new Tensor<T>()) => AddModule(layer);

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Shape(input.Dim() >= 3, "input [N, T, …] with at least 3 dimensions", input);
        var folded = ForwardChild(0, Fold(input)).ToTensor<T>();
        Output = folded.Contiguous().View([input.Size(0), input.Size(1), .. folded.Size()[1..]]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var folded = BackwardChild(0, Fold(input), Fold(gradOutput)).ToTensor<T>();
        GradInput = folded.Contiguous().View(input.Size());
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Modules[0]})";

    private static Tensor<T> Fold(Tensor<T> x) => x.Contiguous().View([x.Size(0) * x.Size(1), .. x.Size()[2..]]);
}
