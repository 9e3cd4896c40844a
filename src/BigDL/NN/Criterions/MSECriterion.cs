using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Mean squared error: Σ (x − y)² divided by the number of elements (or summed without <c>sizeAverage</c>).</summary>
/// <remarks>BigDL/Torch <c>nn.MSECriterion</c> (PyTorch <c>nn.MSELoss</c>). Input and target have the same number of elements.</remarks>
/// <param name="sizeAverage">Divide by the number of elements (default true).</param>
public sealed class MSECriterion<T>(bool sizeAverage = true) : TensorCriterion<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the loss is averaged over elements.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        Check(input, target);
        var x = input.Contiguous().AsSpan();
        var y = target.Contiguous().AsSpan();
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = double.CreateTruncating(x[i] - y[i]);
            sum += d * d;
        }
        return T.CreateTruncating(SizeAverage ? sum / x.Length : sum);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        Check(input, target);
        T scale = T.CreateTruncating(SizeAverage ? 2.0 / input.NElement() : 2.0);
        GradInput.ResizeAs(input).Copy(input).Sub(target.Contiguous().View(input.Size())).Mul(scale);
        return GradInput;
    }

    private static void Check(Tensor<T> input, Tensor<T> target)
    {
        if (input.NElement() != target.NElement())
            throw new ArgumentException($"expected target with the input's {input.NElement()} elements {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
    }
}
