using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

public class SpatialFullConvolutionTests
{
    [Fact]
    public void Forward_IsTheAdjointOfTheConvolutionWithTheSameKernel()
    {
        // <conv(x), y> = <x, fullconv(y)> when both use one weight [1, 3, 2, k, k] (conv 2 -> 3, full 3 -> 2), no bias.
        RandomGenerator.Default.SetSeed(8);
        var full = new SpatialFullConvolution<double>(3, 2, 3, 3, 2, 2, 1, 1, 1, 1, noBias: true);
        var conv = new SpatialConvolution<double>(2, 3, 3, 3, 2, 2, 1, 1, withBias: false, initWeight: full.Weight);
        var y = CaseData.Uniform(1, 2, 3, 4, 4);
        var x = CaseData.Uniform(2, 2, 2, 8, 8);
        var fy = full.Forward(y);
        Assert.Equal([2, 2, 8, 8], fy.Size());   // (4 - 1)·2 - 2 + 3 + 1
        Assert.Equal(conv.Forward(x).Clone().CMul(y).Sum(), x.Clone().CMul(fy).Sum(), 10);
    }

    [Fact]
    public void Forward_StrideTwo_PlacesScaledKernelsApart()
    {
        var full = new SpatialFullConvolution<double>(1, 1, 2, 2, 2, 2);
        full.Weight.Fill(1);
        full.Bias!.Fill(0);
        var y = full.Forward(new Tensor<double>([1, 2, 3, 4], 1, 2, 2));
        Assert.True(y.AlmostEqual(new Tensor<double>([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], 1, 4, 4), 0));
    }

    [Fact]
    public void Constructor_AdjustmentNotBelowStride_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialFullConvolution<double>(1, 1, 3, 3, 2, 2, adjW: 2));
}
