using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Flattens nested tables into one table of their tensors (depth first); the gradient is re-nested.</summary>
/// <remarks>BigDL/Torch <c>nn.FlattenTable</c>.</remarks>
public sealed class FlattenTable<T>() : AbstractModule<Table, Table, T>(new Table(), new Table()) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        Output.Truncate(0);
        void Walk(IActivity a)
        {
            if (a is Table t) foreach (var item in t) Walk(item);
            else Output.Insert(a);
        }
        Walk(input);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        int next = 0;
        IActivity Nest(IActivity like)
        {
            if (like is not Table t) return gradOutput[next++];
            return new Table([.. t.Select(Nest)]);
        }
        if (gradOutput.Count != Output.Count)
            throw new ArgumentException($"expected gradOutput with {Output.Count} elements, got {Activity.Describe(gradOutput)}", nameof(gradOutput));
        GradInput = (Table)Nest(input);
        return GradInput;
    }
}
