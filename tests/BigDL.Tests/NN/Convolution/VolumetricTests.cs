using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

public class VolumetricTests
{
    [Fact]
    public void VolumetricConvolution_OneFrameKernel_IsASpatialConvolutionPerFrame()
    {
        RandomGenerator.Default.SetSeed(2);
        var volumetric = new VolumetricConvolution<double>(2, 3, 1, 3, 3, padW: 1, padH: 1);
        var spatial = new SpatialConvolution<double>(2, 3, 3, 3, 1, 1, 1, 1, initWeight: volumetric.Weight, initBias: volumetric.Bias);
        var x = CaseData.Uniform(3, 2, 2, 4, 5, 5);
        var y = volumetric.Forward(x);
        for (int t = 0; t < 4; t++)
            Assert.True(y.Select(2, t).AlmostEqual(spatial.Forward(x.Select(2, t).Contiguous()), 1e-12));
    }

    [Fact]
    public void VolumetricMaxPooling_TakesTheMaximumOfEachCube()
    {
        var x = CaseData.Uniform(4, 1, 4, 4, 4);
        var y = new VolumetricMaxPooling<double>(2, 2, 2).Forward(x);
        Assert.Equal([1, 2, 2, 2], y.Size());
        Assert.Equal(x.Narrow(1, 2, 2).Narrow(2, 0, 2).Narrow(3, 2, 2).Max(), y[0, 1, 0, 1], 12);
    }

    [Fact]
    public void RoiPooling_BinsOfARegion()
    {
        var data = new Tensor<double>(Enumerable.Range(0, 16).Select(v => (double)v).ToArray(), 1, 1, 4, 4);
        var rois = new Tensor<double>([0, 0, 0, 3, 3], 1, 5);
        var y = new RoiPooling<double>(2, 2, 1).Forward(new Table(data, rois));
        Assert.True(y.AlmostEqual(new Tensor<double>([5, 7, 13, 15], 1, 1, 2, 2), 0));
        var e = Assert.Throws<LayerException>(() => new RoiPooling<double>(2, 2, 1).Forward(new Table(data, new Tensor<double>([1, 0, 0, 1, 1], 1, 5))));
        Assert.Contains("batch index 1, outside [0, 1) (0-based)", e.Message, StringComparison.Ordinal);
    }
}
