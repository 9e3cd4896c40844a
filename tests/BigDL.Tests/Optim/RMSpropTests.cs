using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class RMSpropTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>RMSprop in double with plain loops (ε outside the root, BigDL's learning-rate decay).</summary>
    private static List<double[]> Reference(int steps, double lr, double lrd, double rho, double eps)
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
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                x[i] -= clr * g[i] / (Math.Sqrt(v[i]) + eps);
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_MatchesHandComputedSteps()
    {
        // lr 0.1, decay 0.2, ρ 0.9. Step 1: v = 0.1g², x moves by 0.1·g/(√0.1|g| + 1e-8) ≈ 0.31623·sign(g):
        // x₁ = (0.68377224, −1.68377224, 0.18377224).
        var steps = Run(new RMSprop<T>(learningRate: 0.1, learningRateDecay: 0.2, decayRate: 0.9), 6);
        AssertClose<T>([0.6837722439831617, -1.683772236483162, 0.18377223898316197], steps[0], "step 1");
        AssertClose<T>([0.5296875574282248, -1.5088581370242884, 0.08857161067083845], steps[1], "step 2");
        AssertClose<T>([0.4323662545154793, -1.388871976243747, 0.04779675584035414], steps[2], "step 3");
        AssertTrajectory<T>(Reference(6, 0.1, 0.2, 0.9, 1e-8), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_Defaults_MatchReference()
    {
        var steps = Run(new RMSprop<T>(), 4);
        AssertClose<T>([0.8329179752650593, -1.8309433291098638, 0.3373391709792283], steps[1], "step 2");
        AssertTrajectory<T>(Reference(4, 1e-2, 0, 0.99, 1e-8), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Constructor_NegativeLearningRate_Throws()
        => Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RMSprop<T>(learningRate: -1e-2)).ParamName);

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("RMSprop(learningRate: 0.01, learningRateDecay: 0, decayRate: 0.99, epsilon: 1E-08)", new RMSprop<T>().ToString());
}

public sealed class RMSpropTestsFloat : RMSpropTests<float>;

public sealed class RMSpropTestsDouble : RMSpropTests<double>;
