using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Row-wise L<sub>p</sub> distance ‖x₀ − x₁‖ₚ of a table of two tensors [D] or [N, D]: output [1] or [N].</summary>
/// <remarks>BigDL/Torch <c>nn.PairwiseDistance</c>.</remarks>
/// <param name="norm">p of the norm (default 2), at least 1.</param>
public sealed class PairwiseDistance<T>(int norm = 2) : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _difference = new();

    /// <summary>p of the norm.</summary>
    public int Norm { get; } = norm >= 1 ? norm : throw new ArgumentOutOfRangeException(nameof(norm), norm, "norm must be at least 1");

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (a, b) = RowPair(input);
        var d = _difference.ResizeAs(a).Copy(a).Sub(b);
        Output.Resize(a.Size(0));
        for (int i = 0; i < a.Size(0); i++) Output[i] = d.Select(0, i).Norm(T.CreateTruncating(Norm));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = RowPair(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(2);
        var ga = GradientBuffer(0, a).Zero();
        for (int i = 0; i < a.Size(0); i++)
        {
            T distance = Output[i];
            if (distance == T.Zero) continue;
            // d‖d‖ₚ/dd = sign(d)·|d|^(p−1) / ‖d‖ₚ^(p−1)
            var row = ga.Select(0, i).Copy(_difference.Select(0, i));
            var magnitude = row.Clone().Abs().Pow(T.CreateTruncating(Norm - 1));
            row.Sign().CMul(magnitude).Mul(gradOutput[i] / T.Pow(distance, T.CreateTruncating(Norm - 1)));
        }
        var gb = GradientBuffer(1, b).Copy(ga).Neg();
        if (((Tensor<T>)input[0]).Dim() == 1)
        {
            GradInput[0] = ga.View(a.Size(1));
            GradInput[1] = gb.View(b.Size(1));
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({Norm})";
}
