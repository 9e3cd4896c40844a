using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

public class MoreCriterionTests
{
    [Fact]
    public void CosineEmbedding_MatchesDefinition()
    {
        var a = new Tensor<double>([1, 0, 1, 1], 2, 2);
        var b = new Tensor<double>([0, 1, 1, 1], 2, 2);
        double loss = new CosineEmbeddingCriterion<double>(0.5).Forward(new Table(a, b), new Tensor<double>([1, -1], 2));
        Assert.Equal(((1 - 0) + Math.Max(0, 1 - 0.5)) / 2, loss, 9);
    }

    [Fact]
    public void Dice_PerfectOverlapIsZero()
    {
        var x = new Tensor<double>([1, 0, 1, 1], 2, 2);
        Assert.Equal(0, new DiceCoefficientCriterion<double>().Forward(x, x.Clone()), 12);
        Assert.Equal(1 - 1.0 / 3, new DiceCoefficientCriterion<double>().Forward(new Tensor<double>([1, 0], 1, 2), new Tensor<double>([0, 1], 1, 2)), 12);
    }

    [Fact]
    public void KLD_OfAStandardNormalIsZero() =>
        Assert.Equal(0, new KLDCriterion<double>().Forward(new Table(new Tensor<double>(2, 3), new Tensor<double>(2, 3)), new Tensor<double>(1)), 12);

    [Fact]
    public void TimeDistributed_SumsStepLosses()
    {
        var input = CaseData.Uniform(1, 2, 3, 4);
        var target = new Tensor<double>([0, 1, 2, 3, 0, 1], 2, 3);
        var nll = new ClassNLLCriterion<double>();
        double expected = 0;
        for (int t = 0; t < 3; t++) expected += nll.Forward(input.Select(1, t).Clone(), target.Select(1, t).Clone());
        Assert.Equal(expected, new TimeDistributedCriterion<double>(new ClassNLLCriterion<double>()).Forward(input, target), 12);
    }

    [Fact]
    public void MultiLabelSoftMargin_IsBinaryCrossEntropyOfSigmoids()
    {
        var x = new Tensor<double>([0.3, -1.2], 1, 2);
        double s0 = 1 / (1 + Math.Exp(-0.3)), s1 = 1 / (1 + Math.Exp(1.2));
        Assert.Equal(-(Math.Log(s0) + Math.Log(1 - s1)) / 2, new MultiLabelSoftMarginCriterion<double>().Forward(x, new Tensor<double>([1, 0], 1, 2)), 12);
    }
}
