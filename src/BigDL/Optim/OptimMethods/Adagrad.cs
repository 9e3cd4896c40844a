using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>Adagrad (Duchi, Hazan and Singer, 2011) (BigDL/Torch <c>optim.Adagrad</c>).</summary>
/// <remarks>
/// At step t (1-based): g ← ∇f(x) + weightDecay·x, v ← v + g², x ← x − clr · g/(√v + 1e-10), with
/// clr = learningRate / (1 + (t − 1)·learningRateDecay). As in BigDL, weight decay is added into feval's gradient
/// tensor. State: <c>"paramVariance"</c> (v) and the scratch buffer <c>"paramStd"</c>.
/// </remarks>
public sealed class Adagrad<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The learning rate, ≥ 0 (default 1e-3).</param>
    /// <param name="learningRateDecay">Decay: the rate at step t is lr / (1 + (t − 1)·decay), ≥ 0.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient as weightDecay·x, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Adagrad(double learningRate = 1e-3, double learningRateDecay = 0, double weightDecay = 0)
    {
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        LearningRateDecay = HyperParameter.NonNegative(learningRateDecay, nameof(learningRateDecay));
        WeightDecay = HyperParameter.NonNegative(weightDecay, nameof(weightDecay));
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The learning-rate decay.</summary>
    public double LearningRateDecay { get; }

    /// <summary>L2 penalty factor.</summary>
    public double WeightDecay { get; }

    /// <summary>lr / (1 + (t − 1)·decay) for the coming step t.</summary>
    public override double CurrentLearningRate => LearningRate / (1 + (State.Iteration - 1) * LearningRateDecay);

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        var x = parameter.AsSpan();
        var g = gradient.AsSpan();
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(x, Element(WeightDecay), g, g);
        double clr = CurrentLearningRate;
        var variance = Buffer("paramVariance", parameter);
        var std = Buffer("paramStd", parameter);
        TensorPrimitives.MultiplyAdd(g, g, variance, variance);
        TensorPrimitives.Sqrt(variance, std);
        TensorPrimitives.Add(std, Element(1e-10), std);
        TensorPrimitives.Divide(g, std, std);
        TensorPrimitives.MultiplyAdd(std, Element(-clr), x, x);
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new Adagrad<T>(LearningRate, LearningRateDecay, WeightDecay);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Adagrad(learningRate: {LearningRate}, learningRateDecay: {LearningRateDecay}, weightDecay: {WeightDecay})");
}
