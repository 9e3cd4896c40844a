using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Repeats the input <c>nFeature</c> times along a new dimension <c>dim</c> (a stride-0 view, no copy).</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Replicate</c>; <c>dim</c> is 0-based (BigDL counts from 1). With <c>nDim</c> and a batch input
/// (more dimensions than that) the new dimension shifts by one. The gradient sums over the copies.
/// </remarks>
/// <param name="nFeature">Number of copies.</param>
/// <param name="dim">0-based position of the new dimension (default 0).</param>
/// <param name="nDim">Dimensions of one sample (default: no batch rule).</param>
public sealed class Replicate<T>(int nFeature, int dim = 0, int nDim = int.MaxValue) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of copies.</summary>
    public int NFeature { get; } = nFeature > 0 ? nFeature : throw new ArgumentOutOfRangeException(nameof(nFeature), nFeature, "nFeature must be positive");

    /// <summary>0-based position of the new dimension.</summary>
    public int Dim { get; } = dim >= 0 ? dim : throw new ArgumentOutOfRangeException(nameof(dim), dim, "dim must be at least 0");

    /// <summary>Dimensions of one sample.</summary>
    public int NDim { get; } = nDim;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int at = Position(input);
        var sizes = input.Size().ToList();
        sizes.Insert(at, NFeature);
        Output = input.Unsqueeze(at).Expand([.. sizes]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Copy(gradOutput.Sum(Position(input)).View(input.Size()));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({NFeature}, {Dim})";

    private int Position(Tensor<T> input)
    {
        int at = Dim + (input.Dim() > NDim ? 1 : 0);
        Require.Shape(at <= input.Dim(), $"at least {at} dimensions to insert one at {at}", input);
        return at;
    }
}
