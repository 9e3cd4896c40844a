using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Applies child i to element i of the input table; the output is the table of their outputs.</summary>
/// <remarks>BigDL/Torch <c>nn.ParallelTable</c>.</remarks>
public sealed class ParallelTable<T> : Container<Table, Table, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates an empty ParallelTable.</summary>
    public ParallelTable() : base(new Table(), new Table())
    {
    }

    /// <summary>Appends the module for the next table element.</summary>
    public ParallelTable<T> Add(Module<T> module)
    {
        AddModule(module);
        return this;
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        Check(input);
        Output.Truncate(0);
        for (int i = 0; i < Modules.Count; i++) Output.Insert(ForwardChild(i, input[i]));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        Check(input);
        if (gradOutput.Count != Modules.Count)
            throw new ArgumentException($"expected gradOutput with {Modules.Count} elements, got {Activity.Describe(gradOutput)}", nameof(gradOutput));
        GradInput.Truncate(0);
        for (int i = 0; i < Modules.Count; i++) GradInput.Insert(BackwardChild(i, input[i], gradOutput[i]));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe("{", "input table element i -> (i) -> output table element i");

    private void Check(Table input)
    {
        if (input.Count != Modules.Count)
            throw new ArgumentException($"expected a table of {Modules.Count} elements (one per module), got {Activity.Describe(input)}", nameof(input));
    }
}
