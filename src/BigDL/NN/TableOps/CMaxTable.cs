using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>The element-wise maximum of a table of tensors; each gradient element goes to the first input holding the maximum.</summary>
/// <remarks>BigDL/Torch <c>nn.CMaxTable</c>; <see cref="CMinTable{T}"/> is the minimum.</remarks>
public class CMaxTable<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _winner = [];

    private protected override int MinimumCount => 1;

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="best"/>.</summary>
    private protected virtual bool Beats(T candidate, T best) => candidate > best;

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Table input)
    {
        var x = Tensors(input).Select(t => t.Contiguous()).ToArray();
        Output.ResizeAs(x[0]).Copy(x[0]);
        int n = Output.NElement();
        if (_winner.Length < n) _winner = new int[n];
        Array.Clear(_winner, 0, n);
        var y = Output.AsSpan();
        for (int k = 1; k < x.Length; k++)
        {
            var v = x[k].AsSpan();
            for (int i = 0; i < n; i++)
                if (Beats(v[i], y[i]))
                {
                    y[i] = v[i];
                    _winner[i] = k;
                }
        }
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var x = Tensors(input);
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous().AsSpan();
        GradInput.Truncate(x.Length);
        for (int k = 0; k < x.Length; k++)
        {
            var buffer = GradientBuffer(k, x[k]).Zero();
            var d = buffer.AsSpan();
            for (int i = 0; i < d.Length; i++)
                if (_winner[i] == k) d[i] = g[i];
        }
        return GradInput;
    }
}
