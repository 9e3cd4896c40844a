using System.Numerics;
using BigDL.Optim;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public abstract class FtrlTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>FTRL-Proximal in double with plain loops (McMahan et al. 2013, algorithm 1, with BigDL's learning-rate power and shrinkage).</summary>
    private static List<double[]> Reference(int steps, double lr, double power = -0.5, double n0 = 0.1, double l1 = 0, double l2 = 0, double l2s = 0)
    {
        var x = (double[])X0.Clone();
        var n = Enumerable.Repeat(n0, x.Length).ToArray();
        var z = new double[x.Length];
        var trajectory = new List<double[]>();
        for (int k = 0; k < steps; k++)
        {
            var g = Gradient(x);
            for (int i = 0; i < x.Length; i++)
            {
                double gi = g[i] + 2 * l2s * x[i];
                double nNew = n[i] + gi * gi;
                z[i] += gi + (Math.Pow(n[i], -power) - Math.Pow(nNew, -power)) / lr * x[i];
                double q = Math.Pow(nNew, -power) / lr + 2 * l2;
                x[i] = Math.Abs(z[i]) > l1 ? (Math.Sign(z[i]) * l1 - z[i]) / q : 0;
                n[i] = nNew;
            }
            trajectory.Add((double[])x.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void Optimize_NoPenalties_MatchesHandComputedSteps()
    {
        // Step 1, element 0: n' = 0.1 + 1 = 1.1; z = 1 + (√0.1 − √1.1)/0.1·1 = −6.3258…; q = √1.1/0.1 = 10.488;
        // x = −z/q = 0.60314240.
        var steps = Run(new Ftrl<T>(learningRate: 0.1), 6);
        AssertClose<T>([0.6031423964976772, -1.7426889614963343, 0.3231401593907379], steps[0], "step 1", 1e-5);
        AssertClose<T>([0.5532904820037088, -1.6771111218369554, 0.2693334803318536], steps[1], "step 2", 1e-5);
        AssertClose<T>([0.5117015783488587, -1.6237407019235532, 0.22841296792532284], steps[2], "step 3", 1e-5);
        AssertTrajectory<T>(Reference(6, 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_L1AndL2_MatchesHandComputedSteps()
    {
        var steps = Run(new Ftrl<T>(learningRate: 0.1, l1RegularizationStrength: 0.5, l2RegularizationStrength: 0.05), 5);
        AssertClose<T>([0.5502230956608821, -1.725926446645195, 0.29698023861798295], steps[0], "step 1", 1e-5);
        AssertClose<T>([0.4652907644949081, -1.6077622524008504, 0.2080084268159584], steps[2], "step 3", 1e-5);
        AssertTrajectory<T>(Reference(5, 0.1, l1: 0.5, l2: 0.05), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_Shrinkage_MatchesHandComputedSteps()
    {
        var steps = Run(new Ftrl<T>(learningRate: 0.1, l1RegularizationStrength: 0.5, l2RegularizationStrength: 0.05, l2ShrinkageRegularizationStrength: 0.1), 5);
        AssertClose<T>([0.6033247708457441, -1.7416047608935987, 0.3016972251292029], steps[0], "step 1", 1e-5);
        AssertClose<T>([0.5115952075663498, -1.6228488885214154, 0.21163976084636288], steps[2], "step 3", 1e-5);
        AssertTrajectory<T>(Reference(5, 0.1, l1: 0.5, l2: 0.05, l2s: 0.1), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Optimize_StrongL1_SetsSmallCoordinatesToExactlyZero()
    {
        // l1 = 6.4: |z| after step 1 is (6.33, 69.93, 6.54) for the three elements, so only the first is cut to 0.
        var steps = Run(new Ftrl<T>(learningRate: 0.1, l1RegularizationStrength: 6.4), 3);
        Assert.Equal(0.0, steps[0][0]);
        Assert.NotEqual(0.0, steps[0][1]);
        Assert.NotEqual(0.0, steps[0][2]);
        AssertTrajectory<T>(Reference(3, 0.1, l1: 6.4), steps, floatTolerance: 1e-5);
    }

    [Fact]
    public void Constructor_PositiveLearningRatePower_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Ftrl<T>(learningRatePower: 0.5));
        Assert.Equal("learningRatePower", e.ParamName);
        Assert.Contains("expected learningRatePower <= 0, got 0.5", e.Message);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Ftrl<T>(learningRate: 0)).ParamName);
    }

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("Ftrl(learningRate: 0.001, learningRatePower: -0.5, initialAccumulatorValue: 0.1, l1RegularizationStrength: 0, l2RegularizationStrength: 0, l2ShrinkageRegularizationStrength: 0)", new Ftrl<T>().ToString());
}

public sealed class FtrlTestsFloat : FtrlTests<float>;

public sealed class FtrlTestsDouble : FtrlTests<double>;
