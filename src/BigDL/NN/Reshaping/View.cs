using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Views a sample as <c>sizes</c> (one size may be −1: inferred), or a batch [N, …] as [N, sizes…]. The input is a
/// batch when it has more than <see cref="NumInputDims"/> dimensions (if set), or when it holds a whole multiple of
/// prod(sizes) elements with the first dimension as that multiple.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.View</c>: no copy for a contiguous input; the gradient is viewed back.</remarks>
public sealed class View<T> : ViewModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _sizes;

    /// <summary>Creates the layer.</summary>
    /// <param name="sizes">The shape of one sample; at most one −1, which is inferred.</param>
    /// <exception cref="ArgumentException">A size is 0 or below −1, or there are two −1.</exception>
    public View(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length == 0 || sizes.Any(s => s == 0 || s < -1) || sizes.Count(s => s == -1) > 1)
            throw new ArgumentException($"expected positive sizes with at most one -1, got {Shape.Format(sizes)}", nameof(sizes));
        _sizes = (int[])sizes.Clone();
    }

    /// <summary>The shape of one sample as given (−1: inferred).</summary>
    public int[] Sizes => (int[])_sizes.Clone();

    /// <summary>Dimensions of one sample; an input with more is a batch (null: decided by element count).</summary>
    public int? NumInputDims { get; private set; }

    /// <summary>Sets <see cref="NumInputDims"/> (BigDL's <c>setNumInputDims</c>).</summary>
    public View<T> SetNumInputDims(int numInputDims)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numInputDims);
        NumInputDims = numInputDims;
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int known = _sizes.Where(s => s > 0).Aggregate(1, (a, b) => a * b);
        bool inferred = _sizes.Contains(-1);
        bool batch = NumInputDims is int dims
            ? input.Dim() > dims
            : !inferred && input.NElement() != known && input.Dim() > 1 && input.Size(0) * (long)known == input.NElement();
        int batchSize = batch ? input.Size(0) : 1;
        int perSample = input.NElement() / Math.Max(batchSize, 1);
        bool fits = inferred ? perSample % known == 0 && input.NElement() == batchSize * perSample : perSample == known && input.NElement() == batchSize * known;
        Require.Shape(fits, $"{(inferred ? "a multiple of " : "")}{known} elements per sample (to view as {Shape.Format(_sizes)})", input);
        var sizes = _sizes.Select(s => s == -1 ? perSample / known : s).ToArray();
        Output = input.Contiguous().View(batch ? [batchSize, .. sizes] : sizes);
        return Output;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join("x", _sizes)})";
}
