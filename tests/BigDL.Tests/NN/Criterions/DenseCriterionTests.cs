using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

public class DenseCriterionTests
{
    [Fact]
    public void SoftmaxWith_NormalizeModes_DivideTheSameSum()
    {
        var x = CaseData.Uniform(1, 2, 3, 1, 2);
        var labels = new Tensor<double>([0, 2, 1, 2], 2, 1, 2);
        double sum = new SoftmaxWithCriterion<double>(normalizeMode: NormalizeMode.None).Forward(x, labels);
        Assert.Equal(sum / 4, new SoftmaxWithCriterion<double>(normalizeMode: NormalizeMode.Full).Forward(x, labels), 12);
        Assert.Equal(sum / 2, new SoftmaxWithCriterion<double>(normalizeMode: NormalizeMode.BatchSize).Forward(x, labels), 12);
        double withoutTwos = new SoftmaxWithCriterion<double>(ignoreLabel: 2).Forward(x, labels);   // 2 valid positions
        double byHand = 0;
        foreach (var (b, p, l) in new[] { (0, 0, 0), (1, 0, 1) })
        {
            double z = 0;
            for (int k = 0; k < 3; k++) z += Math.Exp(x[b, k, 0, p]);
            byHand -= Math.Log(Math.Exp(x[b, l, 0, p]) / z);
        }
        Assert.Equal(byHand / 2, withoutTwos, 12);
    }

    [Fact]
    public void MultiLabelMargin_MatchesDefinition()
    {
        var x = new Tensor<double>([0.1, 0.2, 0.4, 0.8], 1, 4);
        var y = new Tensor<double>([3, 0, -1, 1], 1, 4);   // targets {3, 0}; the 1 after -1 is ignored
        double expected = (Math.Max(0, 1 - (0.8 - 0.2)) + Math.Max(0, 1 - (0.8 - 0.4)) + Math.Max(0, 1 - (0.1 - 0.2)) + Math.Max(0, 1 - (0.1 - 0.4))) / 4;
        Assert.Equal(expected, new MultiLabelMarginCriterion<double>().Forward(x, y), 12);
    }

    [Fact]
    public void ClassSimplex_VerticesAreUnitWithEqualAngles()
    {
        var simplex = new ClassSimplexCriterion<double>(5).Simplex;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(1, simplex.Select(0, i).Dot(simplex.Select(0, i)), 12);
            for (int j = i + 1; j < 5; j++) Assert.Equal(-1 / 4.0, simplex.Select(0, i).Dot(simplex.Select(0, j)), 12);
        }
        var criterion = new ClassSimplexCriterion<double>(5);
        Assert.Equal(0, criterion.Forward(simplex.Narrow(0, 2, 1).Clone(), new Tensor<double>([2], 1)), 12);
    }
}
