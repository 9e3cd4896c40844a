using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Base of layers that combine a table of same-shaped tensors element by element into one tensor.</summary>
public abstract class ElementwiseTable<T> : AbstractModule<Table, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected ElementwiseTable() : base(new Tensor<T>(), new Table())
    {
    }

    /// <summary>Minimum number of tensors.</summary>
    private protected virtual int MinimumCount => 2;

    /// <summary>Checks the table: at least <see cref="MinimumCount"/> tensors of one shape.</summary>
    private protected Tensor<T>[] Tensors(Table input)
    {
        if (input.Count < MinimumCount || input.Any(a => a is not Tensor<T>)
            || input.Any(a => !((Tensor<T>)a).IsSameSizeAs((Tensor<T>)input[0])))
            throw new ArgumentException($"expected a table of at least {MinimumCount} tensors of one shape, got {Activity.Describe(input)}", nameof(input));
        return [.. input.Select(a => (Tensor<T>)a)];
    }

    /// <summary>The reused gradient buffer for input element <paramref name="i"/>, shaped like <paramref name="like"/>.</summary>
    private protected Tensor<T> GradientBuffer(int i, Tensor<T> like)
    {
        var buffer = i < GradInput.Count && GradInput[i] is Tensor<T> t ? t : new Tensor<T>();
        GradInput[Math.Min(i, GradInput.Count)] = buffer;
        return buffer.ResizeAs(like);
    }

    /// <summary>A table of two same-shaped tensors [D] or [N, D], both as [N, D] (a vector as one row).</summary>
    private protected (Tensor<T> A, Tensor<T> B) RowPair(Table input)
    {
        var x = Tensors(input);
        if (x.Length != 2 || x[0].Dim() is not (1 or 2))
            throw new ArgumentException($"expected a table of two tensors [D] or [N, D] of one shape, got {Activity.Describe(input)}", nameof(input));
        return x[0].Dim() == 1 ? (x[0].View(1, x[0].Size(0)), x[1].View(1, x[1].Size(0))) : (x[0], x[1]);
    }
}
