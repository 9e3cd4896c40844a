using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>Adam, adaptive moment estimation (Kingma and Ba, 2014) (BigDL/Torch <c>optim.Adam</c>).</summary>
/// <remarks>
/// At step t (1-based): s ← β₁s + (1 − β₁)g, r ← β₂r + (1 − β₂)g², x ← x − α·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · s/(√r + ε),
/// with α = learningRate / (1 + (t − 1)·learningRateDecay). State: <c>"s"</c>, <c>"r"</c> and the scratch
/// buffer <c>"denom"</c>; t is the state's iteration.
/// </remarks>
public sealed class Adam<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The learning rate, ≥ 0 (default 1e-3).</param>
    /// <param name="learningRateDecay">Decay: the rate at step t is lr / (1 + (t − 1)·decay), ≥ 0.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">Added to √r for numerical stability, ≥ 0 (default 1e-8; BigDL's <c>Epsilon</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Adam(double learningRate = 1e-3, double learningRateDecay = 0, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        LearningRateDecay = HyperParameter.NonNegative(learningRateDecay, nameof(learningRateDecay));
        Beta1 = HyperParameter.Fraction(beta1, nameof(beta1));
        Beta2 = HyperParameter.Fraction(beta2, nameof(beta2));
        Epsilon = HyperParameter.NonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The learning-rate decay.</summary>
    public double LearningRateDecay { get; }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Added to √r for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>lr / (1 + (t − 1)·decay) for the coming step t.</summary>
    public override double CurrentLearningRate => LearningRate / (1 + (State.Iteration - 1) * LearningRateDecay);

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        double clr = CurrentLearningRate;
        int t = State.Iteration;
        var g = gradient.AsSpan();
        var s = Buffer("s", parameter);
        var r = Buffer("r", parameter);
        var denom = Buffer("denom", parameter);
        TensorPrimitives.Multiply(s, Element(Beta1), s);
        TensorPrimitives.MultiplyAdd(g, Element(1 - Beta1), s, s);
        TensorPrimitives.Multiply(g, g, denom);
        TensorPrimitives.Multiply(r, Element(Beta2), r);
        TensorPrimitives.MultiplyAdd(denom, Element(1 - Beta2), r, r);
        TensorPrimitives.Sqrt(r, denom);
        TensorPrimitives.Add(denom, Element(Epsilon), denom);
        double stepSize = clr * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
        TensorPrimitives.Divide(s, denom, denom);
        TensorPrimitives.MultiplyAdd(denom, Element(-stepSize), parameter.AsSpan(), parameter.AsSpan());
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new Adam<T>(LearningRate, LearningRateDecay, Beta1, Beta2, Epsilon);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Adam(learningRate: {LearningRate}, learningRateDecay: {LearningRateDecay}, beta1: {Beta1}, beta2: {Beta2}, epsilon: {Epsilon})");
}
