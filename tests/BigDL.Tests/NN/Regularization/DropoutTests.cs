using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Regularization;

public class DropoutTests
{
    [Fact]
    public void Forward_Training_DropsAboutPAndScalesTheRest()
    {
        RandomGenerator.Default.SetSeed(1);
        var y = new Dropout<double>(0.3).Forward(Tensor<double>.Ones(100_000));
        int dropped = y.AsSpan().ToArray().Count(v => v == 0);
        Assert.InRange(dropped, 29_500, 30_500);
        Assert.All(y.AsSpan().ToArray().Where(v => v != 0), v => Assert.Equal(1 / 0.7, v, 12));
    }

    [Fact]
    public void Backward_Training_UsesTheForwardMask()
    {
        RandomGenerator.Default.SetSeed(2);
        var layer = new Dropout<double>(0.5);
        var x = CaseData.Uniform(3, 50);
        var y = layer.Forward(x).Clone();
        var g = layer.Backward(x, Tensor<double>.Ones(50));
        for (int i = 0; i < 50; i++) Assert.Equal(y[i] == 0 ? 0 : 2, g[i], 12);
    }

    [Fact]
    public void Forward_Evaluate_IsIdentity()
    {
        var x = CaseData.Uniform(4, 3, 4);
        var layer = new Dropout<double>(0.9);
        layer.Evaluate();
        Assert.True(layer.Forward(x).AlmostEqual(x, 0));
        Assert.True(layer.Backward(x, x).AlmostEqual(x, 0));
    }

    [Fact]
    public void Forward_SameSeed_SameMask()
    {
        RandomGenerator.Default.SetSeed(7);
        var a = new Dropout<float>().Forward(Tensor<float>.Ones(64)).Clone();
        RandomGenerator.Default.SetSeed(7);
        var b = new Dropout<float>().Forward(Tensor<float>.Ones(64));
        Assert.True(a.AlmostEqual(b, 0));
    }

    [Fact]
    public void Constructor_POfOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout<float>(1));
}
