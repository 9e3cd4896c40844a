using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Element-wise sum of a table of same-shaped tensors.</summary>
/// <remarks>BigDL/Torch <c>nn.CAddTable</c>; each input's gradient is the output gradient. ResNet's shortcut joins use it.</remarks>
/// <param name="inplace">Whether the output overwrites the first input.</param>
public sealed class CAddTable<T>(bool inplace = false) : AbstractModule<Table, Tensor<T>, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the output overwrites the first input.</summary>
    public bool InPlace { get; } = inplace;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var first = Check(input);
        if (InPlace) Output = first;
        else Output.ResizeAs(first).Copy(first);
        for (int i = 1; i < input.Count; i++) Output.Add(input[i].ToTensor<T>());
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        Check(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(input.Count);
        for (int i = 0; i < input.Count; i++)
        {
            var buffer = i < GradInput.Count ? GradInput.Get<Tensor<T>>(i) : new Tensor<T>();
            GradInput[i] = buffer.ResizeAs(gradOutput).Copy(gradOutput);
        }
        return GradInput;
    }

    private static Tensor<T> Check(Table input)
    {
        Require.Table(input, 1);
        var first = input[0] as Tensor<T>;
        if (first is null || input.Any(a => a is not Tensor<T> t || !t.IsSameSizeAs(first)))
            throw new ArgumentException($"expected a table of tensors of one shape, got {Activity.Describe(input)}", nameof(input));
        return first;
    }
}
