using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of losses that sum a term ℓ(x, y) over matching elements of input and target (averaged over the elements
/// with <see cref="SizeAverage"/>): subclasses give ℓ and ∂ℓ/∂x.
/// </summary>
public abstract class PointwiseCriterion<T> : TensorCriterion<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the criterion.</summary>
    private protected PointwiseCriterion(bool sizeAverage) => SizeAverage = sizeAverage;

    /// <summary>Whether the loss is averaged over the elements.</summary>
    public bool SizeAverage { get; }

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <summary>ℓ(x, y).</summary>
    private protected abstract double Term(double x, double y);

    /// <summary>∂ℓ/∂x at (x, y).</summary>
    private protected abstract double Slope(double x, double y);

    /// <inheritdoc/>
    protected sealed override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        Check(input, target);
        var x = input.Contiguous().AsSpan();
        var y = target.Contiguous().AsSpan();
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Term(double.CreateTruncating(x[i]), double.CreateTruncating(y[i]));
        return T.CreateTruncating(SizeAverage && x.Length > 0 ? sum / x.Length : sum);
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        Check(input, target);
        var x = input.Contiguous().AsSpan();
        var y = target.Contiguous().AsSpan();
        GradInput.ResizeAs(input);
        var g = GradInput.AsSpan();
        double scale = SizeAverage && x.Length > 0 ? 1.0 / x.Length : 1;
        for (int i = 0; i < x.Length; i++) g[i] = T.CreateTruncating(scale * Slope(double.CreateTruncating(x[i]), double.CreateTruncating(y[i])));
        return GradInput;
    }

    private static void Check(Tensor<T> input, Tensor<T> target)
    {
        if (input.NElement() != target.NElement())
            throw new ArgumentException($"expected target with the input's {input.NElement()} elements {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
    }
}
