using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class AdadeltaTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adadelta in double with plain loops (Zeiler, algorithm 1).</summary>
    private static List<double[]> Reference(int steps, double rho, double eps)
    {
        var x = (double[])X0.Clone();
        var v = new double[x.Length];
        var acc = new double[x.Length];
        var trajectory = new List<double[]>();
        for (int n = 0; n < steps; n++)
        {
            var g = Gradient(x);
            for (int i = 0; i < x.Length; i++)
            {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                double delta = Math.Sqrt(acc[i] + eps) / Math.Sqrt(v[i] + eps) * g[i];
                x[i] -= delta;
                acc[i] = rho * acc[i] + (1 - rho) * delta * delta;
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_MatchesHandComputedSteps()
    {
        // ε = 1e-6. Step 1: v = 0.1g², Δ = √ε/√(0.1g² + ε)·g ≈ √(1e-5)·sign(g) = 0.0031623·sign(g):
        // x₁ = (0.99683774, −1.99683772, 0.49683773).
        var steps = Run(new Adadelta<T>(epsilon: 1e-6), 6);
        AssertClose<T>([0.9968377381511013, -1.996837723328043, 0.4968377262926713], steps[0], "step 1");
        AssertClose<T>([0.9935981984076517, -1.993595728929903, 0.4936030705154756], steps[1], "step 2");
        AssertClose<T>([0.9903090828008376, -1.9903007524197172, 0.4903256817194024], steps[2], "step 3");
        AssertTrajectory<T>(Reference(6, 0.9, 1e-6), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_Defaults_MatchReference()
    {
        var steps = Run(new Adadelta<T>(), 4);
        AssertClose<T>([0.9999683772234141, -1.9999683772233994, 0.49996837722340226], steps[0], "step 1");
        AssertTrajectory<T>(Reference(4, 0.9, 1e-10), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void CurrentLearningRate_IsTheUnitStepFactor() => Assert.Equal(1.0, new Adadelta<T>().CurrentLearningRate);

    [Fact]
    public void Constructor_DecayRateOfOne_Throws()
        => Assert.Equal("decayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adadelta<T>(decayRate: 1)).ParamName);

    [Fact]
    public void ToString_ListsHyperParameters() => Assert.Equal("Adadelta(decayRate: 0.9, epsilon: 1E-10)", new Adadelta<T>().ToString());
}

public sealed class AdadeltaTestsFloat : AdadeltaTests<float>;

public sealed class AdadeltaTestsDouble : AdadeltaTests<double>;
