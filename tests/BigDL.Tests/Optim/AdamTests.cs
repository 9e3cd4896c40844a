using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class AdamTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adam in double with plain loops (Kingma and Ba, algorithm 1, with BigDL's learning-rate decay and ε outside the root).</summary>
    private static List<double[]> Reference(int steps, double lr, double lrd = 0, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8)
    {
        var x = (double[])X0.Clone();
        var s = new double[x.Length];
        var r = new double[x.Length];
        var trajectory = new List<double[]>();
        for (int t = 1; t <= steps; t++)
        {
            var g = Gradient(x);
            double clr = lr / (1 + (t - 1) * lrd);
            double stepSize = clr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
            for (int i = 0; i < x.Length; i++)
            {
                s[i] = b1 * s[i] + (1 - b1) * g[i];
                r[i] = b2 * r[i] + (1 - b2) * g[i] * g[i];
                x[i] -= stepSize * s[i] / (Math.Sqrt(r[i]) + eps);
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_MatchesHandComputedSteps()
    {
        // Step 1: s = 0.1g, r = 0.001g², step size 0.1·√0.001/0.1, so x moves by 0.1·sign(g)·|g|/(|g| + ε/√0.001):
        // x₁ ≈ x₀ − 0.1·sign(g) = (0.9000000316, −1.9000000079, 0.4000000158).
        var steps = Run(new Adam<T>(learningRate: 0.1), 6);
        AssertClose<T>([0.9000000316227666, -1.9000000079056936, 0.4000000158113858], steps[0], "step 1");
        AssertClose<T>([0.8004122825258162, -1.8001664992234345, 0.3011874472899247], steps[1], "step 2");
        AssertClose<T>([0.7015863457355402, -1.7006234096352553, 0.20487128688724643], steps[2], "step 3");
        AssertTrajectory<T>(Reference(6, 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_LearningRateDecay_ShrinksLaterSteps()
    {
        var method = new Adam<T>(learningRate: 0.1, learningRateDecay: 0.5, beta1: 0.8, beta2: 0.99, epsilon: 1e-6);
        var steps = Run(method, 4);
        AssertTrajectory<T>(Reference(4, 0.1, lrd: 0.5, b1: 0.8, b2: 0.99, eps: 1e-6), steps, floatTolerance: 1e-5);
        Assert.Equal(0.1 / (1 + 4 * 0.5), method.CurrentLearningRate, 15);
        Assert.Equal(["denom", "r", "s"], method.State.Tensors.Keys.Order());
    }

    [Theory]
    [InlineData("beta1", 1.0)]
    [InlineData("beta2", -0.1)]
    [InlineData("learningRate", -1.0)]
    [InlineData("epsilon", -1e-8)]
    public void Constructor_ArgumentOutOfRange_ThrowsNamingIt(string name, double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => name switch
        {
            "beta1" => new Adam<T>(beta1: value),
            "beta2" => new Adam<T>(beta2: value),
            "learningRate" => new Adam<T>(learningRate: value),
            _ => new Adam<T>(epsilon: value),
        });
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"expected {name} ", e.Message);
    }

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("Adam(learningRate: 0.001, learningRateDecay: 0, beta1: 0.9, beta2: 0.999, epsilon: 1E-08)", new Adam<T>().ToString());
}

public sealed class AdamTestsFloat : AdamTests<float>;

public sealed class AdamTestsDouble : AdamTests<double>;
