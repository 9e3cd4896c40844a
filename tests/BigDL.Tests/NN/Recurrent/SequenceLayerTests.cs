using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

public class SequenceLayerTests
{
    [Fact]
    public void TemporalConvolution_EachFrameIsAWindowProduct()
    {
        RandomGenerator.Default.SetSeed(1);
        var layer = new TemporalConvolution<double>(2, 1, 2);
        var x = new Tensor<double>([1, 2, 3, 4, 5, 6], 3, 2);   // 3 frames of 2 features
        var y = layer.Forward(x);
        Assert.Equal([2, 1], y.Size());
        var w = layer.Modules[0].Parameters().Weights[0];       // [1, 1, 2, 1, 2]: (feature, frame offset)
        double b = layer.Modules[0].Parameters().Weights[1][0];
        double expected = b + w.ValueAt(0, 0, 0, 0, 0) * 3 + w.ValueAt(0, 0, 0, 0, 1) * 5 + w.ValueAt(0, 0, 1, 0, 0) * 4 + w.ValueAt(0, 0, 1, 0, 1) * 6;
        Assert.Equal(expected, y[1, 0], 12);
    }

    [Fact]
    public void BiRecurrent_SumsBothDirections()
    {
        RandomGenerator.Default.SetSeed(2);
        var layer = new BiRecurrent<double>().Add(new RnnCell<double>(2, 3));
        var x = CaseData.Uniform(3, 2, 4, 2);
        var y = layer.Forward(x);
        var forward = ((Recurrent<double>)layer.Modules[0]).Forward(x).Clone();
        var reversedInput = new Tensor<double>(2, 4, 2);
        for (int t = 0; t < 4; t++) reversedInput.Select(1, t).Copy(x.Select(1, 3 - t));
        var backward = ((Recurrent<double>)layer.Modules[1]).Forward(reversedInput);
        Assert.True(y.Select(1, 0).AlmostEqual(forward.Select(1, 0).Clone().Add(backward.Select(1, 3)), 1e-12));
        Assert.Equal(2 * (2 * 3 + 3 + 3 * 3 + 3), layer.ParameterCount());
    }

    [Fact]
    public void UpSampling_CopiesEachPixelIntoABlock()
    {
        var y = new SpatialUpSamplingNearest<double>(2).Forward(new Tensor<double>([1, 2, 3, 4], 1, 2, 2));
        Assert.True(y.AlmostEqual(new Tensor<double>([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], 1, 4, 4), 0));
    }

    [Fact]
    public void SpatialDropout2D_ZerosWholeChannels()
    {
        RandomGenerator.Default.SetSeed(3);
        var y = new SpatialDropout2D<double>(0.5).Forward(Tensor<double>.Ones(4, 8, 3, 3));
        for (int n = 0; n < 4; n++)
            for (int c = 0; c < 8; c++)
            {
                var plane = y.Select(0, n).Select(0, c);
                Assert.True(plane.Max() == plane.Min() && (plane.Max() == 0 || plane.Max() == 2));
            }
    }

    [Fact]
    public void RReLU_Evaluate_UsesTheMeanSlope() =>
        Assert.Equal(-0.2, ((Tensor<double>)new RReLU<double>(0.1, 0.3).Evaluate().Forward(new Tensor<double>([-1], 1)))[0], 12);
}
