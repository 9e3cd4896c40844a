using System.Numerics;
using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class SGDTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>SGD in double with plain loops: the formulas of BigDL's SGD.optimize, written out independently.</summary>
    private static List<double[]> Reference(int steps, double lr, double lrd = 0, double wd = 0, double momentum = 0,
        double? dampening = null, bool nesterov = false, double[]? lrs = null, double[]? wds = null)
    {
        double damp = dampening ?? momentum;
        var x = (double[])X0.Clone();
        double[]? v = null;
        var trajectory = new List<double[]>();
        for (int n = 0; n < steps; n++)
        {
            double clr = lr / (1 + n * lrd);
            var g = Gradient(x);
            for (int i = 0; i < x.Length; i++) g[i] += wd != 0 ? wd * x[i] : (wds?[i] ?? 0) * x[i];
            if (momentum != 0)
            {
                if (v is null) v = (double[])g.Clone();
                else for (int i = 0; i < x.Length; i++) v[i] = momentum * v[i] + (1 - damp) * g[i];
                for (int i = 0; i < x.Length; i++) g[i] = nesterov ? g[i] + momentum * v[i] : v[i];
            }
            for (int i = 0; i < x.Length; i++) x[i] -= clr * (lrs?[i] ?? 1) * g[i];
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_Plain_MatchesHandComputedSteps()
    {
        // x ← x − 0.1·2aᵢxᵢ = xᵢ(1 − 0.2aᵢ): factors (0.9, 0.8, 0.6) per step from (1, −2, 0.5).
        var steps = Run(new SGD<T>(learningRate: 0.1), 5);
        AssertClose<T>([0.9, -1.6, 0.3], steps[0], "step 1");
        AssertClose<T>([0.81, -1.28, 0.18], steps[1], "step 2");
        AssertClose<T>([0.729, -1.024, 0.108], steps[2], "step 3");
        AssertTrajectory<T>(Reference(5, 0.1), steps);
    }

    [Fact]
    public void Optimize_Momentum_DampeningDefaultsToMomentum()
    {
        // v₁ = g₁ = (1, −4, 2); x₁ = (0.9, −1.6, 0.3); g₂ = (0.9, −3.2, 1.2); v₂ = 0.9v₁ + 0.1g₂ = (0.99, −3.92, 1.92);
        // x₂ = x₁ − 0.1v₂ = (0.801, −1.208, 0.108); then x₃ = (0.70389, −0.83104, −0.06912).
        var steps = Run(new SGD<T>(learningRate: 0.1, momentum: 0.9), 5);
        AssertClose<T>([0.9, -1.6, 0.3], steps[0], "step 1");
        AssertClose<T>([0.801, -1.208, 0.108], steps[1], "step 2");
        AssertClose<T>([0.70389, -0.83104, -0.06912], steps[2], "step 3");
        AssertTrajectory<T>(Reference(5, 0.1, momentum: 0.9), steps);
    }

    [Fact]
    public void Optimize_Nesterov_StepsAlongGradientPlusMomentumTimesVelocity()
    {
        // v₁ = g₁ = (1, −4, 2); step g₁ + 0.9v₁ = (1.9, −7.6, 3.8); x₁ = (0.81, −1.24, 0.12); then
        // x₂ = (0.5751, −0.4448, −0.1332), x₃ = (0.327321, 0.216704, −0.216648).
        var steps = Run(new SGD<T>(learningRate: 0.1, momentum: 0.9, dampening: 0, nesterov: true), 5);
        AssertClose<T>([0.81, -1.24, 0.12], steps[0], "step 1");
        AssertClose<T>([0.5751, -0.4448, -0.1332], steps[1], "step 2");
        AssertClose<T>([0.327321, 0.216704, -0.216648], steps[2], "step 3");
        AssertTrajectory<T>(Reference(5, 0.1, momentum: 0.9, dampening: 0, nesterov: true), steps);
    }

    [Fact]
    public void Optimize_WeightDecay_AddsDecayTimesParameterToGradient()
    {
        // g₁ + 0.1x₀ = (1.1, −4.2, 2.05); x₁ = (0.89, −1.58, 0.295); x₂ = (0.7921, −1.2482, 0.17405); x₃ = (0.704969, −0.986078, 0.1026895).
        var steps = Run(new SGD<T>(learningRate: 0.1, weightDecay: 0.1), 5);
        AssertClose<T>([0.89, -1.58, 0.295], steps[0], "step 1");
        AssertClose<T>([0.7921, -1.2482, 0.17405], steps[1], "step 2");
        AssertClose<T>([0.704969, -0.986078, 0.1026895], steps[2], "step 3");
        AssertTrajectory<T>(Reference(5, 0.1, wd: 0.1), steps);
    }

    [Fact]
    public void Optimize_PerElementRatesAndDecays_ScaleEachElement()
    {
        double[] lrs = [1, 0.5, 0.25], wds = [0.2, 0, 0.1];
        var method = new SGD<T>(learningRate: 0.1, momentum: 0.5, learningRates: Tensor(lrs), weightDecays: Tensor(wds));
        var steps = Run(method, 4);
        // Step 1: g = (1 + 0.2, −4, 2 + 0.05) = (1.2, −4, 2.05), x₁ = x₀ − 0.1·lrs⊙g = (0.88, −1.8, 0.44875).
        AssertClose<T>([0.88, -1.8, 0.44875], steps[0], "step 1");
        AssertTrajectory<T>(Reference(4, 0.1, momentum: 0.5, lrs: lrs, wds: wds), steps);
    }

    [Fact]
    public void Optimize_LearningRateDecay_DividesRateByOnePlusIterationTimesDecay()
    {
        // Default schedule: rates 0.1, 0.1/1.5, 0.1/2 for iterations 0, 1, 2.
        var method = new SGD<T>(learningRate: 0.1, learningRateDecay: 0.5);
        var steps = Run(method, 3);
        Assert.Equal(0.1 / 2, method.CurrentLearningRate, 15);
        // x₁ = (0.9, −1.6, 0.3); x₂ = x₁ − (0.1/1.5)·(0.9, −3.2, 1.2) = (0.84, −1.38666…, 0.22).
        AssertClose<T>([0.84, -1.6 + 0.32 / 1.5, 0.22], steps[1], "step 2");
        AssertTrajectory<T>(Reference(3, 0.1, lrd: 0.5), steps);
    }

    [Fact]
    public void Optimize_ReturnsLossBeforeUpdateAndCountsIterations()
    {
        var method = new SGD<T>(learningRate: 0.1);
        var x = Start<T>();
        var (_, losses) = method.Optimize(Quadratic<T>(), x);
        Assert.Equal([0.5 * 1 + 1 * 4 + 2 * 0.25], losses); // f(x₀) = 5
        Assert.Equal(2, method.State.Iteration);
        Assert.Equal(5.0, method.State.Loss);
    }

    [Fact]
    public void Optimize_WithStepSchedule_UsesTheScheduledRate()
    {
        // Step(2, 0.5): rates 0.1, 0.1, 0.05, 0.05.
        var method = new SGD<T>(learningRate: 0.1, learningRateSchedule: new Step(2, 0.5));
        var steps = Run(method, 4);
        var x = (double[])X0.Clone();
        foreach (double rate in new[] { 0.1, 0.1, 0.05, 0.05 })
        {
            var g = Gradient(x);
            for (int i = 0; i < x.Length; i++) x[i] -= rate * g[i];
        }
        AssertClose<T>(x, steps[3], "step 4");
        Assert.Equal(0.05, method.CurrentLearningRate);
    }

    [Fact]
    public void UpdateHyperParameter_CalledTwicePerIteration_ChangesNothing()
    {
        var once = new SGD<T>(learningRate: 0.1, learningRateSchedule: new Step(1, 0.5));
        var twice = new SGD<T>(learningRate: 0.1, learningRateSchedule: new Step(1, 0.5));
        var (x1, x2) = (Start<T>(), Start<T>());
        for (int i = 0; i < 3; i++)
        {
            twice.UpdateHyperParameter();
            twice.UpdateHyperParameter();
            once.Optimize(Quadratic<T>(), x1);
            twice.Optimize(Quadratic<T>(), x2);
        }
        Assert.Equal(Values(x1), Values(x2));
        Assert.Equal(0.1 * 0.5 * 0.5, once.CurrentLearningRate, 15);
    }

    [Fact]
    public void Constructor_NegativeLearningRate_ThrowsNamingArgumentExpectedAndActual()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD<T>(learningRate: -0.1));
        Assert.Equal("learningRate", e.ParamName);
        Assert.Contains("expected learningRate >= 0, got -0.1", e.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Constructor_MomentumOutsideUnitInterval_Throws(double momentum)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD<T>(momentum: momentum));
        Assert.Equal("momentum", e.ParamName);
        Assert.Contains("in [0, 1)", e.Message);
        Assert.Contains(momentum.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Constructor_NesterovWithDefaultDampening_ThrowsAsBigDL()
    {
        var e = Assert.Throws<ArgumentException>(() => new SGD<T>(momentum: 0.9, nesterov: true));
        Assert.Equal("nesterov", e.ParamName);
        Assert.Contains("momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.9", e.Message);
        Assert.Throws<ArgumentException>(() => new SGD<T>(dampening: 0, nesterov: true));
    }

    [Fact]
    public void Optimize_GradientOfOtherSize_ThrowsNamingBothSizes()
    {
        var method = new SGD<T>();
        var e = Assert.Throws<ArgumentException>(() => method.Optimize(_ => (0, new Tensor<T>(4)), Start<T>()));
        Assert.Equal("feval", e.ParamName);
        Assert.Contains("3 elements like the parameter [3], got 4 elements [4]", e.Message);
    }

    [Fact]
    public void Optimize_NonContiguousParameter_ThrowsNamingSizesAndStrides()
    {
        var parameter = new Tensor<T>(2, 3).Transpose(0, 1);
        var e = Assert.Throws<ArgumentException>(() => new SGD<T>().Optimize(_ => (0, new Tensor<T>(3, 2)), parameter));
        Assert.Equal("parameter", e.ParamName);
        Assert.Contains("contiguous", e.Message);
        Assert.Contains("[3, 2] with strides [1, 3]", e.Message);
    }

    [Fact]
    public void Optimize_LearningRatesOfOtherSize_Throws()
    {
        var method = new SGD<T>(learningRates: new Tensor<T>(2));
        var e = Assert.Throws<ArgumentException>(() => method.Optimize(Quadratic<T>(), Start<T>()));
        Assert.Contains("LearningRates", e.Message);
        Assert.Contains("got 2 elements", e.Message);
    }

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("SGD(learningRate: 0.1, learningRateDecay: 0, weightDecay: 0.01, momentum: 0.9, dampening: 0.9, nesterov: False, learningRateSchedule: Default())",
            new SGD<T>(0.1, weightDecay: 0.01, momentum: 0.9).ToString());

    private static Tensor<T> Tensor(double[] values) => new([.. values.Select(T.CreateTruncating)], values.Length);
}

public sealed class SGDTestsFloat : SGDTests<float>;

public sealed class SGDTestsDouble : SGDTests<double>;
