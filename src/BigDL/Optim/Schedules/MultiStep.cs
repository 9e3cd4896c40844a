using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> at each iteration listed in <see cref="StepSizes"/>: the rate
/// at the n-th iteration (0-based) is lr·gamma^k, k the number of entries ≤ n (BigDL <c>SGD.MultiStep</c>).
/// </summary>
public sealed class MultiStep : LearningRateSchedule
{
    private readonly int[] _stepSizes;
    private readonly IReadOnlyList<int> _readOnlySteps;

    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSizes">The iterations (0-based) at which the rate decays, increasing.</param>
    /// <param name="gamma">The factor applied at each decay.</param>
    /// <exception cref="ArgumentException"><paramref name="stepSizes"/> is empty, negative or not increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is not finite.</exception>
    public MultiStep(IReadOnlyList<int> stepSizes, double gamma)
    {
        ArgumentNullException.ThrowIfNull(stepSizes);
        _stepSizes = [.. stepSizes];
        if (_stepSizes.Length == 0) throw new ArgumentException("expected at least one step in stepSizes, got none", nameof(stepSizes));
        for (int i = 0; i < _stepSizes.Length; i++)
        {
            if (_stepSizes[i] < 0 || (i > 0 && _stepSizes[i] <= _stepSizes[i - 1]))
                throw new ArgumentException($"expected stepSizes increasing and >= 0, got [{string.Join(", ", _stepSizes)}]", nameof(stepSizes));
        }
        _readOnlySteps = Array.AsReadOnly(_stepSizes);
        Gamma = HyperParameter.Finite(gamma, nameof(gamma));
    }

    /// <summary>The iterations at which the rate decays.</summary>
    public IReadOnlyList<int> StepSizes => _readOnlySteps;

    /// <summary>The factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
    {
        int n = context.Iteration - context.ExcludedIterations;
        int steps = 0;
        while (steps < _stepSizes.Length && n >= _stepSizes[steps]) steps++;
        return Decay.Repeated(context.LearningRate, Gamma, steps);
    }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"MultiStep(stepSizes: [{string.Join(", ", _stepSizes)}], gamma: {Gamma})");
}
