using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>Adadelta (Zeiler, 2012) (BigDL/Torch <c>optim.adadelta</c>).</summary>
/// <remarks>
/// Each step: v ← ρv + (1 − ρ)g², Δ ← √(a + ε)/√(v + ε) · g, x ← x − Δ, a ← ρa + (1 − ρ)Δ². Adadelta has no
/// learning rate: the step is applied with factor 1, which <see cref="CurrentLearningRate"/> reports (BigDL reports 0).
/// State: <c>"paramVariance"</c> (v), <c>"accDelta"</c> (a), <c>"delta"</c> (Δ) and the scratch buffer <c>"paramStd"</c>.
/// </remarks>
public sealed class Adadelta<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="decayRate">The decay ρ of both running averages, in [0, 1) (default 0.9).</param>
    /// <param name="epsilon">Added inside the square roots, ≥ 0 (default 1e-10; BigDL's <c>Epsilon</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Adadelta(double decayRate = 0.9, double epsilon = 1e-10)
    {
        DecayRate = HyperParameter.Fraction(decayRate, nameof(decayRate));
        Epsilon = HyperParameter.NonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>The decay of the running averages.</summary>
    public double DecayRate { get; }

    /// <summary>Added inside the square roots.</summary>
    public double Epsilon { get; }

    /// <summary>1: the factor the step is applied with.</summary>
    public override double CurrentLearningRate => 1;

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        var g = gradient.AsSpan();
        var variance = Buffer("paramVariance", parameter);
        var std = Buffer("paramStd", parameter);
        var delta = Buffer("delta", parameter);
        var accDelta = Buffer("accDelta", parameter);
        T rho = Element(DecayRate), oneMinusRho = Element(1 - DecayRate), eps = Element(Epsilon);
        TensorPrimitives.Multiply(g, g, std);
        TensorPrimitives.Multiply(variance, rho, variance);
        TensorPrimitives.MultiplyAdd(std, oneMinusRho, variance, variance);
        TensorPrimitives.Add(variance, eps, std);
        TensorPrimitives.Sqrt(std, std);
        TensorPrimitives.Add(accDelta, eps, delta);
        TensorPrimitives.Sqrt(delta, delta);
        TensorPrimitives.Divide(delta, std, delta);
        TensorPrimitives.Multiply(delta, g, delta);
        TensorPrimitives.Subtract(parameter.AsSpan(), delta, parameter.AsSpan());
        TensorPrimitives.Multiply(delta, delta, std);
        TensorPrimitives.Multiply(accDelta, rho, accDelta);
        TensorPrimitives.MultiplyAdd(std, oneMinusRho, accDelta, accDelta);
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new Adadelta<T>(DecayRate, Epsilon);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Adadelta(decayRate: {DecayRate}, epsilon: {Epsilon})");
}
