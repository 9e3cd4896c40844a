using System.Globalization;
using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// Stochastic gradient descent with weight decay, momentum (optionally Nesterov's) and a learning-rate schedule
/// (BigDL/Torch <c>optim.SGD</c>).
/// </summary>
/// <remarks>
/// <para>Each step: g ← ∇f(x) + weightDecay·x (or + weightDecays⊙x); with momentum, v ← g on the first step and
/// v ← momentum·v + (1 − dampening)·g after, then g ← g + momentum·v (Nesterov) or g ← v; finally
/// x ← x − clr·g (or − clr·learningRates⊙g), clr being the schedule's rate for the iteration.</para>
/// <para>As in BigDL, the gradient tensor returned by feval is used as scratch: weight decay (and Nesterov's
/// correction) are added into it. State: <c>"dfdx"</c> (the velocity v), <c>"deltaParameters"</c> (with
/// learningRates), <c>"clr"</c> (the current rate) and the schedule's counters.</para>
/// </remarks>
public sealed class SGD<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string VelocityKey = "dfdx";
    private const string DeltaKey = "deltaParameters";

    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The base learning rate, ≥ 0 (default 1e-3).</param>
    /// <param name="learningRateDecay">Decay of the <see cref="Default"/> schedule: lr / (1 + n·decay), ≥ 0.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient as weightDecay·x, ≥ 0.</param>
    /// <param name="momentum">Momentum, in [0, 1).</param>
    /// <param name="dampening">Dampening of the momentum, in [0, 1]; <see cref="double.MaxValue"/> (the default) means "equal to momentum", as in BigDL.</param>
    /// <param name="nesterov">Whether to use Nesterov momentum; needs momentum &gt; 0 and dampening 0.</param>
    /// <param name="learningRateSchedule">The schedule of the learning rate; null: <see cref="Default"/>.</param>
    /// <param name="learningRates">Per-element learning-rate factors, one per parameter element; null: none.</param>
    /// <param name="weightDecays">Per-element weight decays, used when <paramref name="weightDecay"/> is 0; null: none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> without momentum or with non-zero dampening.</exception>
    public SGD(double learningRate = 1e-3, double learningRateDecay = 0, double weightDecay = 0, double momentum = 0,
        double dampening = double.MaxValue, bool nesterov = false, LearningRateSchedule? learningRateSchedule = null,
        Tensor<T>? learningRates = null, Tensor<T>? weightDecays = null)
    {
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        LearningRateDecay = HyperParameter.NonNegative(learningRateDecay, nameof(learningRateDecay));
        WeightDecay = HyperParameter.NonNegative(weightDecay, nameof(weightDecay));
        Momentum = HyperParameter.Fraction(momentum, nameof(momentum));
        Dampening = dampening == double.MaxValue ? dampening : HyperParameter.ClosedFraction(dampening, nameof(dampening));
        if (nesterov && !(Momentum > 0 && EffectiveDampening == 0))
            throw new ArgumentException($"Nesterov momentum requires momentum > 0 and dampening 0, got momentum {Momentum} and dampening {EffectiveDampening}", nameof(nesterov));
        Nesterov = nesterov;
        LearningRateSchedule = learningRateSchedule ?? new Default();
        LearningRates = learningRates;
        WeightDecays = weightDecays;
    }

    /// <summary>The base learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Decay of the <see cref="Default"/> schedule.</summary>
    public double LearningRateDecay { get; }

    /// <summary>L2 penalty factor.</summary>
    public double WeightDecay { get; }

    /// <summary>Momentum.</summary>
    public double Momentum { get; }

    /// <summary>Dampening as given; <see cref="double.MaxValue"/> means "equal to momentum".</summary>
    public double Dampening { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>The schedule of the learning rate.</summary>
    public LearningRateSchedule LearningRateSchedule { get; }

    /// <summary>Per-element learning-rate factors, or null.</summary>
    public Tensor<T>? LearningRates { get; }

    /// <summary>Per-element weight decays, or null.</summary>
    public Tensor<T>? WeightDecays { get; }

    private double EffectiveDampening => Dampening == double.MaxValue ? Momentum : Dampening;

    /// <summary>The schedule's rate for the current iteration; the base rate before the first update.</summary>
    public override double CurrentLearningRate
        => State.Scalars.TryGetValue(LearningRateSchedule.CurrentRateKey, out double clr) ? clr : LearningRate;

    /// <summary>Lets the schedule compute the rate of the current iteration (BigDL <c>updateHyperParameter</c>).</summary>
    public override void UpdateHyperParameter() => LearningRateSchedule.UpdateHyperParameter(this);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">learningRates or weightDecays does not have one element per parameter element.</exception>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        CheckParameter(feval, parameter);
        CheckPerElement(LearningRates, parameter, nameof(LearningRates));
        if (WeightDecay == 0) CheckPerElement(WeightDecays, parameter, nameof(WeightDecays));
        UpdateHyperParameter();
        double clr = CurrentLearningRate;
        var (loss, gradient) = Evaluate(feval, parameter);
        var x = parameter.AsSpan();
        Span<T> g = gradient.AsSpan();
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(x, Element(WeightDecay), g, g);
        else if (WeightDecays is not null) TensorPrimitives.MultiplyAdd(WeightDecays.AsSpan(), x, g, g);
        if (Momentum != 0) g = ApplyMomentum(parameter, g);
        if (LearningRates is not null)
        {
            var delta = Buffer(DeltaKey, parameter);
            TensorPrimitives.Multiply(LearningRates.AsSpan(), g, delta);
            g = delta;
        }
        TensorPrimitives.MultiplyAdd(g, Element(-clr), x, x);
        return (parameter, Finish(loss));
    }

    /// <summary>Updates the velocity with <paramref name="g"/> and returns the direction to step along.</summary>
    private Span<T> ApplyMomentum(Tensor<T> parameter, Span<T> g)
    {
        bool first = !HasBuffer(VelocityKey);
        var v = Buffer(VelocityKey, parameter);
        if (first) g.CopyTo(v);
        else
        {
            TensorPrimitives.Multiply(v, Element(Momentum), v);
            TensorPrimitives.MultiplyAdd(g, Element(1 - EffectiveDampening), v, v);
        }
        if (!Nesterov) return v;
        TensorPrimitives.MultiplyAdd(v, Element(Momentum), g, g);
        return g;
    }

    private static void CheckPerElement(Tensor<T>? values, Tensor<T> parameter, string name)
    {
        if (values is null) return;
        if (values.NElement() != parameter.NElement() || !values.IsContiguous())
            throw new ArgumentException($"expected {name} to be contiguous with {parameter.NElement()} elements like the parameter {Shape.Format(parameter.Size())}, got {values.NElement()} elements {Shape.Format(values.Size())}", "parameter");
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy()
        => new SGD<T>(LearningRate, LearningRateDecay, WeightDecay, Momentum, Dampening, Nesterov,
            LearningRateSchedule.Clone(), LearningRates?.Clone(), WeightDecays?.Clone());

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"SGD(learningRate: {LearningRate}, learningRateDecay: {LearningRateDecay}, weightDecay: {WeightDecay}, momentum: {Momentum}, dampening: {EffectiveDampening}, nesterov: {Nesterov}, learningRateSchedule: {LearningRateSchedule}{(LearningRates is null ? "" : ", learningRates: per element")}{(WeightDecays is null ? "" : ", weightDecays: per element")})");
}
