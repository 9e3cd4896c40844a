using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Init;

public class InitializationMethodTests
{
    private static Tensor<double> Filled(InitializationMethod method, VariableFormat format, int n = 20000)
    {
        RandomGenerator.Default.SetSeed(11);
        var t = new Tensor<double>(n);
        method.Init(t, format);
        return t;
    }

    [Fact]
    public void Xavier_BoundIsSqrtSixOverFanSum()
    {
        var t = Filled(new Xavier(), new VariableFormat(30, 70));
        double bound = Math.Sqrt(6.0 / 100);
        Assert.InRange(t.Max(), 0.98 * bound, bound);
        Assert.InRange(t.Min(), -bound, -0.98 * bound);
    }

    [Fact]
    public void MsraFiller_StdIsSqrtTwoOverAverageFan()
    {
        Assert.Equal(Math.Sqrt(2.0 / 50), Filled(new MsraFiller(), new VariableFormat(30, 70)).Std(), 2);
        Assert.Equal(Math.Sqrt(2.0 / 70), Filled(new MsraFiller(varianceNormAverage: false), new VariableFormat(30, 70)).Std(), 2);
    }

    [Fact]
    public void RandomNormal_HasItsMeanAndStd()
    {
        var t = Filled(new RandomNormal(1.5, 0.2), new VariableFormat(1, 1));
        Assert.Equal(1.5, t.Mean(), 2);
        Assert.Equal(0.2, t.Std(), 2);
    }

    [Fact]
    public void RandomUniform_WithoutBounds_UsesFanIn()
    {
        var t = Filled(new RandomUniform(), new VariableFormat(25, 1));
        Assert.InRange(t.Max(), 0.19, 0.2);
        Assert.InRange(t.Min(), -0.2, -0.19);
        var bounded = Filled(new RandomUniform(2, 3), new VariableFormat(25, 1));
        Assert.InRange(bounded.Min(), 2, 2.01);
    }

    [Fact]
    public void Constants_FillExactly()
    {
        Assert.Equal(0, Filled(new Zeros(), default, 5).Abs().Sum());
        Assert.Equal(5, Filled(new Ones(), default, 5).Sum());
        Assert.Equal(-1.5, Filled(new ConstInitMethod(-0.3), default, 5).Sum(), 12);
    }

    [Fact]
    public void BilinearFiller_FourByFourKernel_MatchesCaffeValues()
    {
        var weight = new Tensor<double>(1, 1, 4, 4);
        new BilinearFiller().Init(weight, default);
        // f = 2, c = 0.75: 1-D weights (0.25, 0.75, 0.75, 0.25); the kernel is their outer product.
        Assert.Equal(0.0625, weight[0, 0, 0, 0], 12);
        Assert.Equal(0.5625, weight[0, 0, 1, 2], 12);
        Assert.Equal(0.1875, weight[0, 0, 3, 1], 12);
    }

    [Fact]
    public void RandomUniform_LowerAboveUpper_Throws() =>
        Assert.Throws<ArgumentException>(() => new RandomUniform(1, 0));
}
