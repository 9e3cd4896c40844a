using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>A learnable element-wise scale then shift, both of shape <c>size</c> broadcast over the input: <see cref="CMul{T}"/> then <see cref="CAdd{T}"/>.</summary>
/// <remarks>BigDL's <c>nn.Scale</c> (Caffe's Scale layer with bias).</remarks>
public sealed class Scale<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="size">Shape of the scale and the shift (broadcast to the input, trailing dimensions aligned).</param>
    public Scale(params int[] size) : base(new Tensor<T>(), new Tensor<T>())
    {
        Size = [.. size];
        AddModule(new CMul<T>(size));
        AddModule(new CAdd<T>(size));
    }

    /// <summary>The shape of the scale and shift as given.</summary>
    public int[] Size { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Output = ForwardChild(1, ForwardChild(0, input)).ToTensor<T>();
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var scaled = ((CMul<T>)Modules[0]).Output;
        GradInput = BackwardChild(0, input, BackwardChild(1, scaled, gradOutput)).ToTensor<T>();
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Modules[0]}, {Modules[1]})";

    internal override string OneLine => ToString();
}
