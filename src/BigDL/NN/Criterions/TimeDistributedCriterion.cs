using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Applies a criterion at every time step of [N, T, …] (target [N, T, …]) and sums the losses (divided by T with
/// <c>sizeAverage</c>).
/// </summary>
/// <remarks>BigDL's <c>TimeDistributedCriterion</c>; time is dimension 1 (batch first), as BigDL's default.</remarks>
/// <param name="criterion">The per-step criterion.</param>
/// <param name="sizeAverage">Average over time steps instead of summing (default false).</param>
public sealed class TimeDistributedCriterion<T>(TensorCriterion<T> criterion, bool sizeAverage = false) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The per-step criterion.</summary>
    public TensorCriterion<T> Criterion { get; } = criterion ?? throw new ArgumentNullException(nameof(criterion));

    /// <summary>Whether the loss is averaged over time steps.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        int steps = Check(input, target);
        double sum = 0;
        for (int t = 0; t < steps; t++) sum += double.CreateTruncating(Criterion.Forward(input.Select(1, t).Contiguous(), target.Select(1, t).Contiguous()));
        return T.CreateTruncating(SizeAverage ? sum / steps : sum);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        int steps = Check(input, target);
        GradInput.ResizeAs(input);
        for (int t = 0; t < steps; t++)
        {
            var step = input.Select(1, t).Contiguous();
            var stepTarget = target.Select(1, t).Contiguous();
            Criterion.Forward(step, stepTarget);
            var g = GradInput.Select(1, t).Copy(Criterion.Backward(step, stepTarget));
            if (SizeAverage) g.Div(T.CreateTruncating(steps));
        }
        return GradInput;
    }

    private static int Check(Tensor<T> input, Tensor<T> target)
    {
        if (input.Dim() < 2 || target.Dim() < 2 || target.Size(0) != input.Size(0) || target.Size(1) != input.Size(1))
            throw new ArgumentException($"expected input [N, T, …] and target [N, T, …] with the same N and T, got {Shape.Format(input.Size())} and {Shape.Format(target.Size())}", nameof(target));
        return input.Size(1);
    }
}
