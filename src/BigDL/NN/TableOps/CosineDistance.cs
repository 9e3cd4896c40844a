using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Row-wise cosine similarity of a table of two tensors [D] or [N, D]: output [1] or [N].</summary>
/// <remarks>BigDL/Torch <c>nn.CosineDistance</c> (despite the name, the similarity cos(x₀, x₁)).</remarks>
public sealed class CosineDistance<T> : ElementwiseTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double Eps = 1e-12;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (a, b) = RowPair(input);
        Output.Resize(a.Size(0));
        for (int r = 0; r < a.Size(0); r++)
        {
            var (dot, na, nb) = Terms(a.Select(0, r), b.Select(0, r));
            Output[r] = T.CreateTruncating(dot / (na * nb));
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = RowPair(input);
        Require.SameShape(gradOutput, Output);
        GradInput.Truncate(2);
        var ga = GradientBuffer(0, a);
        var gb = GradientBuffer(1, b);
        for (int r = 0; r < a.Size(0); r++)
        {
            var ra = a.Select(0, r);
            var rb = b.Select(0, r);
            var (dot, na, nb) = Terms(ra, rb);
            double cos = dot / (na * nb), g = double.CreateTruncating(gradOutput[r]);
            ga.Select(0, r).Copy(rb).Mul(T.CreateTruncating(g / (na * nb))).Add(T.CreateTruncating(-g * cos / (na * na)), ra);
            gb.Select(0, r).Copy(ra).Mul(T.CreateTruncating(g / (na * nb))).Add(T.CreateTruncating(-g * cos / (nb * nb)), rb);
        }
        if (((Tensor<T>)input[0]).Dim() == 1)
        {
            GradInput[0] = ga.View(a.Size(1));
            GradInput[1] = gb.View(b.Size(1));
        }
        return GradInput;
    }

    private static (double Dot, double NormA, double NormB) Terms(Tensor<T> a, Tensor<T> b) =>
        (double.CreateTruncating(a.Dot(b)), Math.Sqrt(double.CreateTruncating(a.Dot(a)) + Eps), Math.Sqrt(double.CreateTruncating(b.Dot(b)) + Eps));
}
