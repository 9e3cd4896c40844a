using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class AdagradTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adagrad in double with plain loops (Duchi et al.; BigDL's decay, weight decay and 1e-10).</summary>
    private static List<double[]> Reference(int steps, double lr, double lrd = 0, double wd = 0)
    {
        var x = (double[])X0.Clone();
        var v = new double[x.Length];
        var trajectory = new List<double[]>();
        for (int n = 0; n < steps; n++)
        {
            var g = Gradient(x);
            double clr = lr / (1 + n * lrd);
            for (int i = 0; i < x.Length; i++)
            {
                g[i] += wd * x[i];
                v[i] += g[i] * g[i];
                x[i] -= clr * g[i] / (Math.Sqrt(v[i]) + 1e-10);
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_MatchesHandComputedSteps()
    {
        // Step 1: v = g², x moves by 0.1·g/(|g| + 1e-10) ≈ 0.1·sign(g): x₁ = (0.90000000001, −1.9000000000025, 0.400000000005).
        // Step 2: g = (0.9, −7.6, 1.6), v = (1.81, 73.76, 6.56): x₂ = (0.83310353, −1.83112505, 0.33753050).
        var steps = Run(new Adagrad<T>(learningRate: 0.1), 6);
        AssertClose<T>([0.90000000001, -1.9000000000025, 0.400000000005], steps[0], "step 1");
        AssertClose<T>([0.8331035268523168, -1.8311250538122312, 0.33753049525152046], steps[1], "step 2");
        AssertClose<T>([0.7804561813655163, -1.775821515013063, 0.2908991767882513], steps[2], "step 3");
        AssertTrajectory<T>(Reference(6, 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_WeightDecayAndLearningRateDecay_MatchHandComputedSteps()
    {
        var method = new Adagrad<T>(learningRate: 0.1, learningRateDecay: 0.5, weightDecay: 0.1);
        var steps = Run(method, 5);
        AssertClose<T>([0.8554023512370256, -1.8540833692088303, 0.35835366350252645], steps[1], "step 2");
        AssertClose<T>([0.8285750384233895, -1.826192323470008, 0.33393497523354265], steps[2], "step 3");
        AssertTrajectory<T>(Reference(5, 0.1, lrd: 0.5, wd: 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Constructor_NegativeWeightDecay_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad<T>(weightDecay: -1));
        Assert.Equal("weightDecay", e.ParamName);
        Assert.Contains("expected weightDecay >= 0, got -1", e.Message);
    }

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("Adagrad(learningRate: 0.001, learningRateDecay: 0, weightDecay: 0)", new Adagrad<T>().ToString());
}

public sealed class AdagradTestsFloat : AdagradTests<float>;

public sealed class AdagradTestsDouble : AdagradTests<double>;
