using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Normalization;

public class BatchNormalizationTests
{
    [Fact]
    public void Forward_Training_NormalisesEachFeatureWithBatchStatistics()
    {
        var layer = new BatchNormalization<double>(2, eps: 0, initWeight: new Tensor<double>([2, 1], 2), initBias: new Tensor<double>([0, 10], 2));
        var x = new Tensor<double>([1, 10, 3, 20, 5, 30], 3, 2);
        var y = layer.Forward(x);
        // feature 0: mean 3, population std sqrt(8/3); feature 1: mean 20, std sqrt(200/3)
        Assert.Equal(2 * (1 - 3) / Math.Sqrt(8.0 / 3), y[0, 0], 12);
        Assert.Equal(10 + (30 - 20) / Math.Sqrt(200.0 / 3), y[2, 1], 12);
    }

    [Fact]
    public void RunningStatistics_AfterTwoBatches_FollowTheMomentumFormula()
    {
        var layer = new BatchNormalization<double>(1, momentum: 0.1);
        layer.Forward(new Tensor<double>([1, 3], 2, 1));      // mean 2, unbiased var 2
        layer.Forward(new Tensor<double>([0, 4, 8], 3, 1));   // mean 4, unbiased var 16
        double mean = 0.1 * 4 + 0.9 * (0.1 * 2 + 0.9 * 0);
        double variance = 0.1 * 16 + 0.9 * (0.1 * 2 + 0.9 * 1);
        Assert.Equal(mean, layer.RunningMean[0], 12);
        Assert.Equal(variance, layer.RunningVar[0], 12);
    }

    [Fact]
    public void Forward_Evaluate_UsesRunningStatistics()
    {
        var layer = new SpatialBatchNormalization<double>(2, eps: 1e-3, initWeight: Tensor<double>.Ones(2), initBias: new Tensor<double>(2));
        layer.Forward(CaseData.Uniform(1, 4, 2, 3, 3));
        layer.Evaluate();
        var x = CaseData.Uniform(2, 1, 2, 2, 2);
        var y = layer.Forward(x);
        for (int c = 0; c < 2; c++)
            Assert.Equal((x[0, c, 1, 0] - layer.RunningMean[c]) / Math.Sqrt(layer.RunningVar[c] + 1e-3), y[0, c, 1, 0], 12);
        var before = layer.RunningMean.Clone();
        layer.Forward(x);
        Assert.True(before.AlmostEqual(layer.RunningMean, 0), "evaluation must not update running statistics");
    }

    [Fact]
    public void Spatial_Training_EachChannelHasZeroMeanUnitVariance()
    {
        var layer = new SpatialBatchNormalization<float>(3, initWeight: Tensor<float>.Ones(3), initBias: new Tensor<float>(3));
        var y = layer.Forward(Tensor<float>.Randn(new RandomGenerator(5), 4, 3, 5, 5).Mul(3).Add(7));
        for (int c = 0; c < 3; c++)
        {
            var channel = y.Select(1, c).Contiguous();
            Assert.Equal(0, channel.Mean(), 4);
            Assert.Equal(1, channel.Var(unbiased: false), 3);
        }
    }

    [Fact]
    public void Reset_DefaultInit_WeightUniformZeroOneBiasZero()
    {
        RandomGenerator.Default.SetSeed(2);
        var layer = new BatchNormalization<double>(500);
        Assert.InRange(layer.Weight!.Min(), 0, 0.05);
        Assert.InRange(layer.Weight.Max(), 0.95, 1);
        Assert.Equal(0, layer.Bias!.Abs().Sum());
    }

    [Fact]
    public void Forward_SingleSampleInTraining_ThrowsExplaining()
    {
        var e = Assert.Throws<LayerException>(() => new BatchNormalization<double>(4).Forward(new Tensor<double>(4)));
        Assert.Contains("[N, 4] (or [4] in evaluation mode)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsNamingShapes()
    {
        var e = Assert.Throws<LayerException>(() => new SpatialBatchNormalization<double>(64).Forward(new Tensor<double>(2, 32, 4, 4)));
        Assert.Contains("nn.SpatialBatchNormalization(64", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [2, 32, 4, 4]", e.Message, StringComparison.Ordinal);
    }
}
