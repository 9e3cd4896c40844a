using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

public class RegressionAndCrossEntropyTests
{
    [Fact]
    public void MSE_AveragesSquaredDifferences()
    {
        var x = new Tensor<double>([1, 2, 3, 4], 2, 2);
        var y = new Tensor<double>([0, 2, 5, 4], 2, 2);
        Assert.Equal((1 + 0 + 4 + 0) / 4.0, new MSECriterion<double>().Forward(x, y), 12);
        Assert.Equal(5, new MSECriterion<double>(sizeAverage: false).Forward(x, y), 12);
        var g = new MSECriterion<double>().Backward(x, y);
        Assert.Equal(2 * (3 - 5) / 4.0, g[1, 0], 12);
    }

    [Fact]
    public void CrossEntropy_EqualsNllOfLogSoftMaxByHand()
    {
        var x = new Tensor<double>([1, 2, 3, 0, 0, 0], 2, 3);
        double loss = new CrossEntropyCriterion<double>().Forward(x, new Tensor<double>([2, 0], 2));
        double row0 = -(3 - Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        double row1 = Math.Log(3);
        Assert.Equal((row0 + row1) / 2, loss, 12);
    }

    [Fact]
    public void MSE_ElementCountMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<LayerException>(() => new MSECriterion<double>().Forward(new Tensor<double>(2, 3), new Tensor<double>(5)));
        Assert.Contains("nn.MSECriterion", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [5]", e.Message, StringComparison.Ordinal);
    }
}
