using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Activations;

public class PointwiseActivationTests
{
    private static double At(Module<double> layer, double x) => ((Tensor<double>)layer.Forward(new Tensor<double>([x], 1)))[0];

    [Fact]
    public void Values_MatchTheirDefinitions()
    {
        Assert.Equal(6, At(new ReLU6<double>(), 7.5));
        Assert.Equal(-0.02, At(new LeakyReLU<double>(), -2), 12);
        Assert.Equal(0.5 * (Math.Exp(-1) - 1), At(new ELU<double>(0.5), -1), 12);
        Assert.Equal(-1, At(new HardTanh<double>(), -3));
        Assert.Equal(0.7, At(new HardSigmoid<double>(), 1), 12);
        Assert.Equal(-Math.Log(1 + Math.Exp(2)), At(new LogSigmoid<double>(), -2), 12);
        Assert.Equal(-Math.Log(1 + Math.Exp(-800)), At(new LogSigmoid<double>(), 800), 12);
        Assert.Equal(Math.Log(1 + Math.Exp(2 * 0.3)) / 2, At(new SoftPlus<double>(2), 0.3), 12);
        Assert.Equal(30, At(new SoftPlus<double>(), 30), 12);
        Assert.Equal(-0.75, At(new SoftSign<double>(), -3), 12);
        Assert.Equal(0.2, At(new SoftShrink<double>(), 0.7), 12);
        Assert.Equal(0, At(new HardShrink<double>(), 0.4));
        Assert.Equal(-2, At(new Threshold<double>(0.1, -2), 0.05));
        Assert.Equal(1 - Math.Tanh(1), At(new TanhShrink<double>(), 1), 12);
        Assert.Equal(Math.Pow(3 + 2 * 0.5, 2.5), At(new Power<double>(2.5, 2, 3), 0.5), 12);
        Assert.Equal(0.7, At(new Clamp<double>(-0.4, 0.7), 3), 12);
    }

    [Fact]
    public void InPlace_OutputIsTheInput_AndGradientStillUsesTheOriginalInput()
    {
        var layer = new LeakyReLU<double>(0.5, inplace: true);
        var x = new Tensor<double>([-2, 3], 2);
        var y = layer.Forward(x);
        Assert.Same(x, y);
        var g = layer.Backward(x, Tensor<double>.Ones(2));
        Assert.Equal(0.5, g[0]);
        Assert.Equal(1, g[1]);
    }

    [Fact]
    public void Constructors_RejectBadArguments()
    {
        Assert.Throws<ArgumentException>(() => new HardTanh<double>(1, -1));
        Assert.Throws<ArgumentException>(() => new Clamp<double>(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftPlus<double>(0));
    }

    [Fact]
    public void ToString_ShowsArguments() => Assert.Equal("nn.HardTanh(-1, 1)", new HardTanh<float>().ToString());
}
