using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Weighted sum of criterions, criterion i applied to input table element i and target table element i (or to the
/// whole target with <c>repeatTarget</c>).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.ParallelCriterion</c>.</remarks>
/// <param name="repeatTarget">Give every criterion the whole target instead of its element.</param>
public sealed class ParallelCriterion<T>(bool repeatTarget = false) : AbstractCriterion<Table, IActivity, T>(new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Criterion<T>> _criterions = [];
    private readonly List<double> _weights = [];

    /// <summary>Whether every criterion gets the whole target.</summary>
    public bool RepeatTarget { get; } = repeatTarget;

    /// <summary>Adds <paramref name="criterion"/> for the next input element, with <paramref name="weight"/> (default 1).</summary>
    public ParallelCriterion<T> Add(Criterion<T> criterion, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        _criterions.Add(criterion);
        _weights.Add(weight);
        return this;
    }

    /// <inheritdoc/>
    protected override T UpdateOutput(Table input, IActivity target)
    {
        Check(input, target);
        double sum = 0;
        for (int i = 0; i < _criterions.Count; i++) sum += _weights[i] * double.CreateTruncating(_criterions[i].Forward(input[i], TargetOf(target, i)));
        return T.CreateTruncating(sum);
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, IActivity target)
    {
        Check(input, target);
        GradInput.Truncate(0);
        for (int i = 0; i < _criterions.Count; i++)
        {
            var gradient = ActivitySum.CopyOf<T>(_criterions[i].Backward(input[i], TargetOf(target, i)), new Tensor<T>());
            ActivityScale.Scale<T>(gradient, _weights[i]);
            GradInput.Insert(gradient);
        }
        return GradInput;
    }

    private IActivity TargetOf(IActivity target, int i) => RepeatTarget ? target : target.ToTable()[i];

    private void Check(Table input, IActivity target)
    {
        if (input.Count != _criterions.Count)
            throw new ArgumentException($"expected an input table of {_criterions.Count} elements (one per criterion), got {Activity.Describe(input)}", nameof(input));
        if (!RepeatTarget && (target is not Table t || t.Count != _criterions.Count))
            throw new ArgumentException($"expected a target table of {_criterions.Count} elements, got {Activity.Describe(target)}", nameof(target));
    }
}
