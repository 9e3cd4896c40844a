using System.Numerics;
using BigDL.Tensors;

namespace BigDL.DataSets;

/// <summary>A batch of records: the model's input [N, …] and the criterion's target [N, …], row i of each belonging together.</summary>
/// <remarks>BigDL's <c>MiniBatch</c>. The local optimizer splits a batch over the cores with <see cref="Slice"/>.</remarks>
public sealed class MiniBatch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A batch of <paramref name="input"/> and <paramref name="target"/>, which must have the same number of rows.</summary>
    /// <exception cref="ArgumentException">The first dimensions differ, or a tensor has no dimensions.</exception>
    public MiniBatch(Tensor<T> input, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Dim() == 0 || target.Dim() == 0 || input.Size(0) != target.Size(0))
            throw new ArgumentException(
                $"input and target must have the same number of rows, got input [{string.Join(", ", input.Size())}] and target [{string.Join(", ", target.Size())}]",
                nameof(target));
        Input = input;
        Target = target;
    }

    /// <summary>The model's input, [N, …].</summary>
    public Tensor<T> Input { get; }

    /// <summary>The criterion's target, [N, …].</summary>
    public Tensor<T> Target { get; }

    /// <summary>Number of records, N.</summary>
    public int Size => Input.Size(0);

    /// <summary>Records [offset, offset + length) as a batch of views (no copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie within the batch.</exception>
    public MiniBatch<T> Slice(int offset, int length)
    {
        if (offset < 0 || length < 1 || offset + length > Size)
            throw new ArgumentOutOfRangeException(nameof(length), $"slice [{offset}, {offset + length}) is outside a batch of {Size} records");
        return new MiniBatch<T>(Input.Narrow(0, offset, length), Target.Narrow(0, offset, length));
    }

    /// <inheritdoc/>
    public override string ToString() => $"MiniBatch({Size} records, input [{string.Join(", ", Input.Size())}], target [{string.Join(", ", Target.Size())}])";
}
