using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class AdamaxTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adamax in double with plain loops (Kingma and Ba, algorithm 2; ε added to |g| as BigDL).</summary>
    private static List<double[]> Reference(int steps, double lr, double b1 = 0.9, double b2 = 0.999, double eps = 1e-38)
    {
        var x = (double[])X0.Clone();
        var m = new double[x.Length];
        var u = new double[x.Length];
        var trajectory = new List<double[]>();
        for (int t = 1; t <= steps; t++)
        {
            var g = Gradient(x);
            for (int i = 0; i < x.Length; i++)
            {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                u[i] = Math.Max(b2 * u[i], Math.Abs(g[i]) + eps);
                x[i] -= lr / (1 - Math.Pow(b1, t)) * m[i] / u[i];
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_MatchesHandComputedSteps()
    {
        // Step 1: m = 0.1g, u = |g|, step lr/0.1·m/u = 0.1·sign(g): x₁ = (0.9, −1.9, 0.4).
        // Step 2: g = (0.9, −7.6, 1.6); m = (0.18, −1.12, 0.34); u = max(0.999|g₁|, |g|) = (0.999, 7.6, 1.998);
        // x₂ = x₁ − 0.1/0.19·m/u = (0.80516833, −1.80253411, 0.31043675).
        var steps = Run(new Adamax<T>(learningRate: 0.1), 6);
        AssertClose<T>([0.9, -1.9, 0.4], steps[0], "step 1");
        AssertClose<T>([0.8051683262209578, -1.8025341130604287, 0.3104367525420157], steps[1], "step 2");
        AssertClose<T>([0.715499472047851, -1.7076482348418913, 0.23090975205017156], steps[2], "step 3");
        AssertTrajectory<T>(Reference(6, 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_ZeroGradient_KeepsTheParameter()
    {
        var method = new Adamax<T>();
        var x = Start<T>();
        method.Optimize(p => (0, new BigDL.Tensors.Tensor<T>(3)), x);
        AssertClose<T>(X0, x, "after a zero gradient");
    }

    [Fact]
    public void Constructor_Beta1OfOne_Throws()
        => Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax<T>(beta1: 1)).ParamName);

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("Adamax(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1E-38)", new Adamax<T>().ToString());
}

public sealed class AdamaxTestsFloat : AdamaxTests<float>;

public sealed class AdamaxTestsDouble : AdamaxTests<double>;
