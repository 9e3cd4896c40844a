using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Activations;

public class ElementwiseActivationTests
{
    [Fact]
    public void Tanh_ForwardAndBackward_MatchFormulas()
    {
        var x = new Tensor<double>([-2, -0.5, 0, 0.5, 2, 3, -3, 1, 0.1], 9);
        var layer = new Tanh<double>();
        var y = layer.Forward(x);
        var g = layer.Backward(x, Tensor<double>.Ones(9));
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(Math.Tanh(x[i]), y[i], 12);
            Assert.Equal(1 - Math.Tanh(x[i]) * Math.Tanh(x[i]), g[i], 12);
        }
    }

    [Fact]
    public void Sigmoid_Backward_IsYTimesOneMinusY()
    {
        var x = CaseData.Uniform(2, 37);
        var layer = new Sigmoid<float>();
        var xf = new Tensor<float>(37);
        for (int i = 0; i < 37; i++) xf[i] = (float)x[i];
        var y = layer.Forward(xf);
        var g = layer.Backward(xf, Tensor<float>.Ones(37).Mul(2));
        for (int i = 0; i < 37; i++) Assert.Equal(2 * y[i] * (1 - y[i]), g[i], 6);
    }

    [Fact]
    public void ReLU_Backward_PassesGradientOnlyWherePositive_AllVectorTails()
    {
        for (int n = 0; n < 40; n++)
        {
            var x = n == 0 ? new Tensor<float>(0) : new Tensor<float>(n).RandUniform(new RandomGenerator((ulong)n), -1, 1);
            var layer = new ReLU<float>();
            layer.Forward(x);
            var gradOutput = new Tensor<float>(n).Fill(3);
            var g = layer.Backward(x, gradOutput);
            for (int i = 0; i < n; i++) Assert.Equal(x[i] > 0 ? 3f : 0f, g[i]);
        }
    }

    [Fact]
    public void ReLU_InPlace_OverwritesInput()
    {
        var x = new Tensor<double>([-1, 2], 2);
        var y = new ReLU<double>(ip: true).Forward(x);
        Assert.Same(x, y);
        Assert.Equal(0, x[0]);
    }

    [Fact]
    public void Backward_GradOutputOfWrongShape_Throws()
    {
        var layer = new Tanh<double>();
        layer.Forward(new Tensor<double>(2, 3));
        var e = Assert.Throws<LayerException>(() => layer.Backward(new Tensor<double>(2, 3), new Tensor<double>(3, 2)));
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [3, 2]", e.Message, StringComparison.Ordinal);
    }
}
