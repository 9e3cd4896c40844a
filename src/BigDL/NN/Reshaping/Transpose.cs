using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Swaps pairs of dimensions, in order; the output is a view of the input.</summary>
/// <remarks>BigDL/Torch <c>nn.Transpose</c>; dimensions are 0-based (BigDL counts from 1).</remarks>
/// <param name="permutations">Pairs of 0-based dimensions to swap, applied in order.</param>
public sealed class Transpose<T>(params (int, int)[] permutations) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly (int, int)[] _permutations = [.. permutations];

    /// <summary>The dimension pairs swapped, in order.</summary>
    public (int, int)[] Permutations => [.. _permutations];

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Shape(_permutations.All(p => Math.Max(p.Item1, p.Item2) < input.Dim() && Math.Min(p.Item1, p.Item2) >= 0),
            $"an input with dimensions {string.Join(", ", _permutations.Select(p => $"{p.Item1} and {p.Item2}"))}", input);
        var result = input;
        foreach (var (a, b) in _permutations) result = result.Transpose(a, b);
        Output = result;
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var result = gradOutput;
        for (int i = _permutations.Length - 1; i >= 0; i--) result = result.Transpose(_permutations[i].Item1, _permutations[i].Item2);
        GradInput = result;
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join(", ", _permutations.Select(p => $"{p.Item1} <-> {p.Item2}"))})";
}
