using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The sub-table of <c>length</c> elements starting at <c>offset</c>; the other elements get zero gradients.</summary>
/// <remarks>BigDL/Torch <c>nn.NarrowTable</c>; the offset is 0-based (BigDL counts from 1); a negative length counts from the end (−1: to the end).</remarks>
/// <param name="offset">0-based first element.</param>
/// <param name="length">Number of elements (negative: to the end, leaving −length−1 out).</param>
public sealed class NarrowTable<T>(int offset, int length = 1) : AbstractModule<Table, Table, T>(new Table(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based first element.</summary>
    public int Offset { get; } = offset >= 0 ? offset : throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be at least 0");

    /// <summary>Number of elements (negative: from the end).</summary>
    public int Length { get; } = length != 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "length must not be 0");

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        int length = Count(input);
        Output.Truncate(0);
        for (int i = 0; i < length; i++) Output.Insert(input[Offset + i]);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        int length = Count(input);
        GradInput.Truncate(0);
        for (int i = 0; i < input.Count; i++)
            GradInput.Insert(i >= Offset && i < Offset + length ? gradOutput[i - Offset] : ActivitySum.ZerosLike<T>(input[i]));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Offset}, {Length})";

    private int Count(Table input)
    {
        int length = Length > 0 ? Length : input.Count - Offset + Length + 1;
        if (length <= 0 || Offset + length > input.Count)
            throw new ArgumentException($"expected a table with elements {Offset} to {Offset + Math.Max(length, 1) - 1}, got {Activity.Describe(input)}", nameof(input));
        return length;
    }
}
