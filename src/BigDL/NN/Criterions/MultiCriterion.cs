using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Weighted sum of several criterions applied to the same input and target.</summary>
/// <remarks>BigDL/Torch <c>nn.MultiCriterion</c>.</remarks>
public sealed class MultiCriterion<T>() : AbstractCriterion<IActivity, IActivity, T>(new Tensor<T>()) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Criterion<T>> _criterions = [];
    private readonly List<double> _weights = [];

    /// <summary>Adds <paramref name="criterion"/> with <paramref name="weight"/> (default 1).</summary>
    public MultiCriterion<T> Add(Criterion<T> criterion, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        _criterions.Add(criterion);
        _weights.Add(weight);
        return this;
    }

    /// <inheritdoc/>
    protected override T UpdateOutput(IActivity input, IActivity target)
    {
        double sum = 0;
        for (int i = 0; i < _criterions.Count; i++) sum += _weights[i] * double.CreateTruncating(_criterions[i].Forward(input, target));
        return T.CreateTruncating(sum);
    }

    /// <inheritdoc/>
    protected override IActivity UpdateGradInput(IActivity input, IActivity target)
    {
        for (int i = 0; i < _criterions.Count; i++)
        {
            var gradient = ActivitySum.CopyOf<T>(_criterions[i].Backward(input, target), new Tensor<T>());
            ActivityScale.Scale<T>(gradient, _weights[i]);
            GradInput = i == 0 ? gradient : ActivitySum.AddInto<T>(GradInput, gradient);
        }
        return GradInput;
    }
}
