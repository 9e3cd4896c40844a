using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// For a table (x₁, x₂) of vectors and a target y of ±1 (one element): d = ‖x₁ − x₂‖₁; loss d where y = 1,
/// max(0, margin − d) where y = −1.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.L1HingeEmbeddingCriterion</c>.</remarks>
/// <param name="margin">Margin for dissimilar pairs (default 1).</param>
public sealed class L1HingeEmbeddingCriterion<T>(double margin = 1) : AbstractCriterion<Table, Tensor<T>, T>(new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Margin for dissimilar pairs.</summary>
    public double Margin { get; } = margin;

    /// <inheritdoc/>
    protected override T UpdateOutput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        double d = double.CreateTruncating((a - b).Abs().Sum());
        return T.CreateTruncating(y > 0 ? d : Math.Max(0, Margin - d));
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> target)
    {
        var (a, b, y) = Check(input, target);
        double d = double.CreateTruncating((a - b).Abs().Sum());
        double sign = y > 0 ? 1 : Margin - d > 0 ? -1 : 0;
        var ga = (a - b).Sign().Mul(T.CreateTruncating(sign));
        GradInput.Truncate(0).Insert(ga).Insert(-ga);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"nn.L1HingeEmbeddingCriterion({Margin})");

    private static (Tensor<T> A, Tensor<T> B, double Y) Check(Table input, Tensor<T> target)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> a || input[1] is not Tensor<T> b || !a.IsSameSizeAs(b) || target.NElement() != 1)
            throw new ArgumentException($"expected a table of two tensors of one shape and one ±1 target, got {Activity.Describe(input)} and target {Shape.Format(target.Size())}", nameof(input));
        return (a, b, double.CreateTruncating(target.Contiguous().AsSpan()[0]));
    }
}
