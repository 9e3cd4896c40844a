using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

public class ClassNLLCriterionTests
{
    private static readonly Tensor<double> LogProbs = new([-1.0, -2.0, -0.5, -3.0, -0.1, -4.0], 2, 3);

    [Fact]
    public void Forward_Averages_NegativeLogProbabilityOfTargets()
    {
        var loss = new ClassNLLCriterion<double>().Forward(LogProbs, new Tensor<double>([2, 1], 2));
        Assert.Equal((0.5 + 0.1) / 2, loss, 12);
    }

    [Fact]
    public void Forward_ClassWeights_WeighAndNormaliseByTotalWeight()
    {
        var criterion = new ClassNLLCriterion<double>(new Tensor<double>([1, 3, 2], 3));
        double loss = criterion.Forward(LogProbs, new Tensor<double>([2, 1], 2));
        Assert.Equal((2 * 0.5 + 3 * 0.1) / (2 + 3), loss, 12);
        var grad = criterion.Backward(LogProbs, new Tensor<double>([2, 1], 2));
        Assert.Equal(-2.0 / 5, grad[0, 2], 12);
        Assert.Equal(-3.0 / 5, grad[1, 1], 12);
        Assert.Equal(0, grad[0, 0]);
    }

    [Fact]
    public void Forward_PaddingTarget_IsSkipped()
    {
        var loss = new ClassNLLCriterion<double>(paddingValue: -1).Forward(LogProbs, new Tensor<double>([-1, 0], 2));
        Assert.Equal(3.0, loss, 12);
    }

    [Fact]
    public void Forward_TargetOutOfRange_ExplainsZeroBasedLabels()
    {
        var e = Assert.Throws<LayerException>(() => new ClassNLLCriterion<double>().Forward(LogProbs, new Tensor<double>([0, 3], 2)));
        Assert.Contains("target 3 at row 1 is outside [0, 3); labels are 0-based", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_WrongTargetCount_NamesShapes()
    {
        var e = Assert.Throws<LayerException>(() => new ClassNLLCriterion<double>().Forward(LogProbs, new Tensor<double>(3)));
        Assert.Contains("nn.ClassNLLCriterion", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [3]", e.Message, StringComparison.Ordinal);
    }
}
