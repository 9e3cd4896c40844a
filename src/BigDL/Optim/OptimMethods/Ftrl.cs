using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>
/// FTRL-Proximal, "follow the regularized leader" (McMahan et al., 2013), with L1, L2 and shrinkage-type L2
/// penalties (BigDL <c>optim.Ftrl</c>, TensorFlow's <c>FtrlOptimizer</c>).
/// </summary>
/// <remarks>
/// With p = learningRatePower and g' = g + 2·l2Shrinkage·x: n' ← n + g'², z ← z + g' + (n^(−p) − n'^(−p))/lr · x,
/// q ← n'^(−p)/lr + 2·l2, x ← (clamp(z, −l1, l1) − z)/q (0 where |z| ≤ l1), n ← n'. State: <c>"accum"</c> (n,
/// starting at initialAccumulatorValue), <c>"linear"</c> (z) and the scratch buffers <c>"accumNew"</c>,
/// <c>"buffer"</c>, <c>"quadratic"</c>, <c>"gradWithShrinkage"</c>.
/// </remarks>
public sealed class Ftrl<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">The learning rate, &gt; 0 (default 1e-3).</param>
    /// <param name="learningRatePower">How the rate falls with the accumulated squares, ≤ 0 (default −0.5).</param>
    /// <param name="initialAccumulatorValue">Starting value of the accumulators, ≥ 0 (default 0.1).</param>
    /// <param name="l1RegularizationStrength">L1 penalty, ≥ 0.</param>
    /// <param name="l2RegularizationStrength">L2 stabilisation penalty, ≥ 0.</param>
    /// <param name="l2ShrinkageRegularizationStrength">L2 magnitude penalty added to the gradient, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Ftrl(double learningRate = 1e-3, double learningRatePower = -0.5, double initialAccumulatorValue = 0.1,
        double l1RegularizationStrength = 0, double l2RegularizationStrength = 0, double l2ShrinkageRegularizationStrength = 0)
    {
        LearningRate = HyperParameter.Positive(learningRate, nameof(learningRate));
        LearningRatePower = double.IsFinite(learningRatePower) && learningRatePower <= 0
            ? learningRatePower : throw HyperParameter.OutOfRange(nameof(learningRatePower), learningRatePower, "<= 0");
        InitialAccumulatorValue = HyperParameter.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        L1RegularizationStrength = HyperParameter.NonNegative(l1RegularizationStrength, nameof(l1RegularizationStrength));
        L2RegularizationStrength = HyperParameter.NonNegative(l2RegularizationStrength, nameof(l2RegularizationStrength));
        L2ShrinkageRegularizationStrength = HyperParameter.NonNegative(l2ShrinkageRegularizationStrength, nameof(l2ShrinkageRegularizationStrength));
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The learning-rate power.</summary>
    public double LearningRatePower { get; }

    /// <summary>Starting value of the accumulators.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>L1 penalty.</summary>
    public double L1RegularizationStrength { get; }

    /// <summary>L2 stabilisation penalty.</summary>
    public double L2RegularizationStrength { get; }

    /// <summary>L2 magnitude penalty.</summary>
    public double L2ShrinkageRegularizationStrength { get; }

    /// <inheritdoc/>
    public override double CurrentLearningRate => LearningRate;

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (loss, gradient) = Evaluate(feval, parameter);
        var x = parameter.AsSpan();
        ReadOnlySpan<T> g = gradient.AsSpan();
        var accum = Buffer("accum", parameter, Element(InitialAccumulatorValue));
        var linear = Buffer("linear", parameter);
        var accumNew = Buffer("accumNew", parameter);
        var buffer = Buffer("buffer", parameter);
        var quadratic = Buffer("quadratic", parameter);
        if (L2ShrinkageRegularizationStrength > 0)
        {
            var shrunk = Buffer("gradWithShrinkage", parameter);
            TensorPrimitives.MultiplyAdd(x, Element(2 * L2ShrinkageRegularizationStrength), g, shrunk);
            g = shrunk;
        }
        T power = Element(-LearningRatePower), inverseRate = Element(1 / LearningRate);
        TensorPrimitives.MultiplyAdd(g, g, accum, accumNew);
        TensorPrimitives.Add(linear, g, linear);
        TensorPrimitives.Pow(accum, power, buffer);
        TensorPrimitives.Multiply(buffer, x, quadratic);
        TensorPrimitives.MultiplyAdd(quadratic, inverseRate, linear, linear);
        TensorPrimitives.Pow(accumNew, power, buffer);
        TensorPrimitives.Multiply(buffer, x, quadratic);
        TensorPrimitives.MultiplyAdd(quadratic, -inverseRate, linear, linear);
        TensorPrimitives.Multiply(buffer, inverseRate, quadratic);
        TensorPrimitives.Add(quadratic, Element(2 * L2RegularizationStrength), quadratic);
        T l1 = Element(L1RegularizationStrength);
        TensorPrimitives.Max(linear, -l1, x);
        TensorPrimitives.Min(x, l1, x);
        TensorPrimitives.Subtract(x, linear, x);
        TensorPrimitives.Divide(x, quadratic, x);
        accumNew.CopyTo(accum);
        return (parameter, Finish(loss));
    }

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy() => new Ftrl<T>(LearningRate, LearningRatePower, InitialAccumulatorValue,
        L1RegularizationStrength, L2RegularizationStrength, L2ShrinkageRegularizationStrength);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Ftrl(learningRate: {LearningRate}, learningRatePower: {LearningRatePower}, initialAccumulatorValue: {InitialAccumulatorValue}, l1RegularizationStrength: {L1RegularizationStrength}, l2RegularizationStrength: {L2RegularizationStrength}, l2ShrinkageRegularizationStrength: {L2ShrinkageRegularizationStrength})");
}
