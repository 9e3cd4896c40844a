using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// The variational autoencoder's KL term for a table (mean μ, log-variance log σ²) of [N, D]:
/// −½·Σ(1 + log σ² − μ² − σ²), divided by N; the target is ignored.
/// </summary>
/// <remarks>BigDL's <c>KLDCriterion</c>.</remarks>
public sealed class KLDCriterion<T>() : AbstractCriterion<Table, IActivity, T>(new Table()) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override T UpdateOutput(Table input, IActivity target)
    {
        var (mean, logVar) = Check(input);
        var m = mean.Contiguous().AsSpan();
        var v = logVar.Contiguous().AsSpan();
        double sum = 0;
        for (int i = 0; i < m.Length; i++)
        {
            double mu = double.CreateTruncating(m[i]), lv = double.CreateTruncating(v[i]);
            sum += 1 + lv - mu * mu - Math.Exp(lv);
        }
        return T.CreateTruncating(-0.5 * sum / mean.Size(0));
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, IActivity target)
    {
        var (mean, logVar) = Check(input);
        T scale = T.One / T.CreateTruncating(mean.Size(0));
        var gMean = mean.Clone().Mul(scale);
        var gLogVar = logVar.Clone().Exp().Sub(T.One).Mul(scale / T.CreateTruncating(2));
        GradInput.Truncate(0).Insert(gMean).Insert(gLogVar);
        return GradInput;
    }

    private static (Tensor<T> Mean, Tensor<T> LogVar) Check(Table input)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> mean || input[1] is not Tensor<T> logVar || !mean.IsSameSizeAs(logVar) || mean.Dim() != 2)
            throw new ArgumentException($"expected a table (mean, logVariance) of two [N, D] tensors, got {Activity.Describe(input)}", nameof(input));
        return (mean, logVar);
    }
}
