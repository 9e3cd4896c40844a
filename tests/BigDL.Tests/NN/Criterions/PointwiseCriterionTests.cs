using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

public class PointwiseCriterionTests
{
    private static readonly Tensor<double> X = new([0.5, -2, 0.2], 3);
    private static readonly Tensor<double> Y = new([1, 1, -1], 3);

    [Fact]
    public void Losses_MatchHandComputedValues()
    {
        Assert.Equal((0.5 + 3 + 1.2) / 3, new AbsCriterion<double>().Forward(X, Y), 12);
        Assert.Equal((0.5 * 0.25 + (3 - 0.5) + (1.2 - 0.5)) / 3, new SmoothL1Criterion<double>().Forward(X, Y), 12);   // d = -0.5, -3, 1.2
        Assert.Equal((0.5 + 3 + 1.2) / 3, new MarginCriterion<double>().Forward(X, Y), 12);
        Assert.Equal((Math.Log(1 + Math.Exp(-0.5)) + Math.Log(1 + Math.Exp(2)) + Math.Log(1 + Math.Exp(0.2))) / 3, new SoftMarginCriterion<double>().Forward(X, Y), 12);
        Assert.Equal(0.5 - 2 + (1 - 0.2), new HingeEmbeddingCriterion<double>(sizeAverage: false).Forward(X, Y), 12);
        Assert.Equal(2.7, new L1Cost<double>().Forward(X, Y), 12);
    }

    [Fact]
    public void BCE_MatchesDefinition()
    {
        var p = new Tensor<double>([0.9, 0.2], 2);
        var t = new Tensor<double>([1, 0], 2);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, new BCECriterion<double>().Forward(p, t), 12);
    }

    [Fact]
    public void MultiMargin_P1_MatchesDefinition()
    {
        var x = new Tensor<double>([0.1, 0.2, 0.4, 0.8], 1, 4);
        double expected = (Math.Max(0, 1 - 0.4 + 0.1) + Math.Max(0, 1 - 0.4 + 0.2) + Math.Max(0, 1 - 0.4 + 0.8)) / 4;
        Assert.Equal(expected, new MultiMarginCriterion<double>().Forward(x, new Tensor<double>([2], 1)), 12);
    }

    [Fact]
    public void ElementCountMismatch_ThrowsNamingShapes()
    {
        var e = Assert.Throws<LayerException>(() => new AbsCriterion<double>().Forward(new Tensor<double>(2, 2), new Tensor<double>(3)));
        Assert.Contains("nn.AbsCriterion", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [3]", e.Message, StringComparison.Ordinal);
    }
}
