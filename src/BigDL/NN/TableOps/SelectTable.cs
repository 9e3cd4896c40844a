using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Element <c>index</c> of the input table (tensor or table); the other elements get zero gradients.</summary>
/// <remarks>BigDL/Torch <c>nn.SelectTable</c>; the index is 0-based (BigDL counts from 1), negative from the end.</remarks>
/// <param name="index">0-based element index (negative: from the end).</param>
public sealed class SelectTable<T>(int index) : AbstractModule<Table, IActivity, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The 0-based index.</summary>
    public int Index { get; } = index;

    /// <inheritdoc/>
    protected override IActivity UpdateOutput(Table input) => input[Position(input)];

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, IActivity gradOutput)
    {
        int at = Position(input);
        GradInput.Truncate(0);
        for (int i = 0; i < input.Count; i++) GradInput.Insert(i == at ? ActivitySum.CopyOf<T>(gradOutput, new Tensor<T>()) : ActivitySum.ZerosLike<T>(input[i]));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Index})";

    private int Position(Table input)
    {
        int at = Index < 0 ? Index + input.Count : Index;
        if (at < 0 || at >= input.Count)
            throw new ArgumentException($"expected a table with element {Index}, got {Activity.Describe(input)}", nameof(input));
        return at;
    }
}
