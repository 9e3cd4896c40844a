using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Gives the same input (tensor or table) to every child; the output is the table of their outputs.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.ConcatTable</c>. The input gradient is the element-wise sum of the children's input gradients
/// (for a table input, table element by element).
/// </remarks>
public sealed class ConcatTable<T> : Container<IActivity, Table, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates an empty ConcatTable.</summary>
    public ConcatTable() : base(new Table(), new Tensor<T>())
    {
    }

    /// <summary>Appends a branch.</summary>
    public ConcatTable<T> Add(Module<T> module)
    {
        AddModule(module);
        return this;
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(IActivity input)
    {
        Output.Truncate(0);
        for (int i = 0; i < Modules.Count; i++) Output.Insert(ForwardChild(i, input));
        return Output;
    }

    /// <inheritdoc/>
    protected override IActivity UpdateGradInput(IActivity input, Table gradOutput)
    {
        if (gradOutput.Count != Modules.Count)
            throw new ArgumentException($"expected gradOutput with one element per branch ({Modules.Count}), got {Activity.Describe(gradOutput)}", nameof(gradOutput));
        for (int i = 0; i < Modules.Count; i++)
        {
            var gradient = BackwardChild(i, input, gradOutput[i]);
            GradInput = i == 0 ? ActivitySum.CopyOf<T>(gradient, GradInput) : ActivitySum.AddInto<T>(GradInput, gradient);
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe("{", "input -> each branch -> table");
}
