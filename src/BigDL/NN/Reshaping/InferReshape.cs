using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Reshapes to <c>size</c> where −1 is inferred from the element count and 0 keeps the input's size in that position;
/// with <c>batchMode</c> the first dimension is the batch and stays.
/// </summary>
/// <remarks>BigDL's <c>nn.InferReshape</c> (Caffe's Reshape rules). The output is a view of a contiguous input.</remarks>
/// <param name="size">Target sizes: positive, 0 (copy the input's size at that position) or one −1 (inferred).</param>
/// <param name="batchMode">Keep the first dimension as the batch (default false).</param>
public sealed class InferReshape<T>(int[] size, bool batchMode = false) : ViewModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _size = size is not null && size.Count(s => s == -1) <= 1 && size.All(s => s >= -1)
        ? (int[])size.Clone()
        : throw new ArgumentException($"expected sizes >= 0 with at most one -1, got {(size is null ? "null" : Shape.Format(size))}", nameof(size));

    /// <summary>Whether the first dimension is the batch.</summary>
    public bool BatchMode { get; } = batchMode;

    /// <summary>The target shape as given (−1: inferred, 0: copied from the input).</summary>
    public int[] Size => [.. _size];

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int offset = BatchMode ? 1 : 0;
        Require.Shape(input.Dim() >= offset + _size.Count(s => s == 0), $"enough dimensions for {Shape.Format(_size)}", input);
        var target = new int[_size.Length];
        int known = 1, infer = -1;
        for (int i = 0; i < _size.Length; i++)
        {
            target[i] = _size[i] == 0 ? input.Size(i + offset) : _size[i];
            if (target[i] == -1) infer = i;
            else known *= target[i];
        }
        int perSample = input.NElement() / (BatchMode ? input.Size(0) : 1);
        if (infer >= 0) target[infer] = known == 0 ? 0 : perSample / known;
        Require.Shape(target.Aggregate(1, (a, b) => a * b) == perSample, $"{perSample} elements per sample to fit {Shape.Format(_size)}", input);
        Output = input.Contiguous().View(BatchMode ? [input.Size(0), .. target] : target);
        return Output;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({string.Join("x", _size)})";
}
