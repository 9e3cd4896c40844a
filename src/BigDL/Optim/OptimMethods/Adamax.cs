using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>Adamax, Adam with the infinity norm (Kingma and Ba, 2014, section 7) (BigDL/Torch <c>optim.Adamax</c>).</summary>
/// <remarks>
/// At step t (1-based): m ← β₁m + (1 − β₁)g, u ← max(β₂u, |g| + ε), x ← x − lr/(1 − β₁ᵗ) · m/u.
/// State: <c>"m"</c>, <c>"u"</c> and the scratch buffer <c>"buffer"</c>.
/// </remarks>
public sealed class Adamax<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The learning rate, ≥ 0 (default 0.002).</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Decay of the infinity norm, in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">Added to |g| for numerical stability, ≥ 0 (default 1e-38, as BigDL).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Adamax(double learningRate = 0.002, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-38)
    {
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        Beta1 = HyperParameter.Fraction(beta1, nameof(beta1));
        Beta2 = HyperParameter.Fraction(beta2, nameof(beta2));
        Epsilon = HyperParameter.NonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the infinity norm.</summary>
    public double Beta2 { get; }

    /// <summary>Added to |g| for numerical stability.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override double CurrentLearningRate => LearningRate;

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        int t = State.Iteration;
        var g = gradient.AsSpan();
        var m = Buffer("m", parameter);
        var u = Buffer("u", parameter);
        var buffer = Buffer("buffer", parameter);
        TensorPrimitives.Multiply(m, Element(Beta1), m);
        TensorPrimitives.MultiplyAdd(g, Element(1 - Beta1), m, m);
        TensorPrimitives.Abs(g, buffer);
        TensorPrimitives.Add(buffer, Element(Epsilon), buffer);
        TensorPrimitives.Multiply(u, Element(Beta2), u);
        TensorPrimitives.Max(u, buffer, u);
        double stepSize = LearningRate / (1 - Math.Pow(Beta1, t));
        TensorPrimitives.Divide(m, u, buffer);
        TensorPrimitives.MultiplyAdd(buffer, Element(-stepSize), parameter.AsSpan(), parameter.AsSpan());
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new Adamax<T>(LearningRate, Beta1, Beta2, Epsilon);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Adamax(learningRate: {LearningRate}, beta1: {Beta1}, beta2: {Beta2}, epsilon: {Epsilon})");
}
