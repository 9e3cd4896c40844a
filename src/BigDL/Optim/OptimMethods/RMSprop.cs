using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>RMSprop (Tieleman and Hinton, 2012) (BigDL/Torch <c>optim.rmsprop</c>).</summary>
/// <remarks>
/// At step t (1-based): v ← ρv + (1 − ρ)g², x ← x − clr · g/(√v + ε), with
/// clr = learningRate / (1 + (t − 1)·learningRateDecay). State: <c>"sumSquare"</c> (v) and the scratch buffer <c>"rms"</c>.
/// </remarks>
public sealed class RMSprop<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The learning rate, ≥ 0 (default 1e-2).</param>
    /// <param name="learningRateDecay">Decay: the rate at step t is lr / (1 + (t − 1)·decay), ≥ 0.</param>
    /// <param name="decayRate">The decay ρ of the mean square, in [0, 1) (default 0.99).</param>
    /// <param name="epsilon">Added to the root mean square, ≥ 0 (default 1e-8; BigDL's <c>Epsilon</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public RMSprop(double learningRate = 1e-2, double learningRateDecay = 0, double decayRate = 0.99, double epsilon = 1e-8)
    {
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        LearningRateDecay = HyperParameter.NonNegative(learningRateDecay, nameof(learningRateDecay));
        DecayRate = HyperParameter.Fraction(decayRate, nameof(decayRate));
        Epsilon = HyperParameter.NonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The learning-rate decay.</summary>
    public double LearningRateDecay { get; }

    /// <summary>The decay of the mean square.</summary>
    public double DecayRate { get; }

    /// <summary>Added to the root mean square.</summary>
    public double Epsilon { get; }

    /// <summary>lr / (1 + (t − 1)·decay) for the coming step t.</summary>
    public override double CurrentLearningRate => LearningRate / (1 + (State.Iteration - 1) * LearningRateDecay);

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        double clr = CurrentLearningRate;
        var g = gradient.AsSpan();
        var sumSquare = Buffer("sumSquare", parameter);
        var rms = Buffer("rms", parameter);
        TensorPrimitives.Multiply(g, g, rms);
        TensorPrimitives.Multiply(sumSquare, Element(DecayRate), sumSquare);
        TensorPrimitives.MultiplyAdd(rms, Element(1 - DecayRate), sumSquare, sumSquare);
        TensorPrimitives.Sqrt(sumSquare, rms);
        TensorPrimitives.Add(rms, Element(Epsilon), rms);
        TensorPrimitives.Divide(g, rms, rms);
        TensorPrimitives.MultiplyAdd(rms, Element(-clr), parameter.AsSpan(), parameter.AsSpan());
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new RMSprop<T>(LearningRate, LearningRateDecay, DecayRate, Epsilon);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RMSprop(learningRate: {LearningRate}, learningRateDecay: {LearningRateDecay}, decayRate: {DecayRate}, epsilon: {Epsilon})");
}
