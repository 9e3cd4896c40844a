using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Reshapes a sample to <c>size</c>, or a batch [N, …] to [N, size…]. Without <paramref name="batchMode"/> the input
/// is one sample when it holds exactly prod(size) elements and a batch otherwise.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.Reshape</c>. The output is a view of the input when it is contiguous (no copy), else of a
/// contiguous copy; the gradient is reshaped back the same way.
/// </remarks>
/// <param name="size">The shape of one sample after reshaping.</param>
/// <param name="batchMode">true: the first dimension is always the batch; false: never; null: decide by element count.</param>
public sealed class Reshape<T>(int[] size, bool? batchMode = null) : ViewModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _size = Checked(size);
    private readonly int _sampleElements = Shape.ElementCount(Checked(size), nameof(size));

    /// <summary>The shape of one sample after reshaping.</summary>
    public IReadOnlyList<int> Size => _size;

    /// <summary>Whether the first dimension is the batch (null: decided by element count).</summary>
    public bool? BatchMode { get; } = batchMode;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        bool batch = BatchMode ?? input.NElement() != _sampleElements;
        if (batch)
        {
            Require.Shape(input.Dim() >= 1 && input.Size(0) * (long)_sampleElements == input.NElement(),
                $"a batch [N, …] of N samples with {_sampleElements} elements each (to reshape to [N, {string.Join(", ", _size)}])", input);
            Output = input.Contiguous().View([input.Size(0), .. _size]);
        }
        else
        {
            Require.Shape(input.NElement() == _sampleElements, $"{_sampleElements} elements (to reshape to {Shape.Format(_size)})", input);
            Output = input.Contiguous().View(_size);
        }
        return Output;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join("x", _size)})";

    private static int[] Checked(int[] size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (size.Length == 0 || size.Any(s => s <= 0))
            throw new ArgumentException($"expected positive sizes, got {Shape.Format(size)}", nameof(size));
        return (int[])size.Clone();
    }
}
