using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Normalization;

public class LocalNormalizationTests
{
    [Fact]
    public void Subtractive_ConstantImage_BecomesZeroEvenAtTheBorders()
    {
        var y = new SpatialSubtractiveNormalization<double>(2).Forward(Tensor<double>.Ones(2, 6, 6).Mul(3));
        Assert.True(y.Abs().Max() < 1e-12, "the border coefficient corrects the zero padding");
    }

    [Fact]
    public void Subtractive_RemovesTheLocalMean()
    {
        var x = new Tensor<double>([0, 0, 0, 0, 9, 0, 0, 0, 0], 1, 3, 3);
        var y = new SpatialSubtractiveNormalization<double>(1, Tensor<double>.Ones(3, 3)).Forward(x);
        Assert.Equal(9 - 1, y[0, 1, 1], 12);               // the centre's window holds all nine pixels
        Assert.Equal(0 - 9 / 4.0, y[0, 0, 0], 12);          // a corner's window holds four (coef 4/9)
    }

    [Fact]
    public void Divisive_ScalesToUnitLocalDeviation()
    {
        var y = new SpatialDivisiveNormalization<double>(1, Tensor<double>.Ones(3, 3)).Forward(Tensor<double>.Ones(1, 4, 4).Mul(5));
        Assert.True(y.Narrow(1, 1, 2).Narrow(2, 1, 2).AlmostEqual(Tensor<double>.Ones(1, 2, 2), 1e-12), "inside, the deviation of a constant is the constant");
        Assert.Equal(5 / (5 / Math.Sqrt(4 / 9.0)), y[0, 0, 0], 12);   // at a corner BigDL divides √mean(x²) by coef = 4/9
        var flat = new SpatialDivisiveNormalization<double>(1, Tensor<double>.Ones(3, 3), threshold: 0.5, thresval: 2).Forward(Tensor<double>.Ones(1, 3, 3).Mul(0.1));
        Assert.True(flat.AlmostEqual(Tensor<double>.Ones(1, 3, 3).Mul(0.05), 1e-12), "deviations below the threshold are replaced by thresval");
    }

    [Fact]
    public void Kernel_EvenSize_Throws() =>
        Assert.Throws<ArgumentException>(() => new SpatialSubtractiveNormalization<double>(1, Tensor<double>.Ones(4, 4)));
}
