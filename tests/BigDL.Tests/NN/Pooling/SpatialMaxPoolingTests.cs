using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Pooling;

public class SpatialMaxPoolingTests
{
    private static Tensor<double> Naive(Tensor<double> x, int kW, int kH, int dW, int dH, int padW, int padH, int oH, int oW)
    {
        int n = x.Size(0), c = x.Size(1), h = x.Size(2), w = x.Size(3);
        var y = new Tensor<double>(n, c, oH, oW);
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < c; ch++)
                for (int oy = 0; oy < oH; oy++)
                    for (int ox = 0; ox < oW; ox++)
                    {
                        double best = double.NegativeInfinity;
                        for (int ky = 0; ky < kH; ky++)
                            for (int kx = 0; kx < kW; kx++)
                            {
                                int iy = oy * dH - padH + ky, ix = ox * dW - padW + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) best = Math.Max(best, x.ValueAt(i, ch, iy, ix));
                            }
                        y.SetValue([i, ch, oy, ox], best);
                    }
        return y;
    }

    [Theory]
    [InlineData(2, 2, 2, 2, 0, 0, false, 3, 3)]   // 7x7 -> floor 3x3
    [InlineData(2, 2, 2, 2, 0, 0, true, 4, 4)]    // ceil: 4x4, the last window hangs over the edge
    [InlineData(3, 3, 2, 2, 1, 1, true, 4, 4)]    // ceil with padding
    [InlineData(2, 2, 2, 2, 1, 1, true, 4, 4)]    // ceil gives 5, but the fifth window would start in the right padding
    public void Forward_MatchesNaiveLoop_AndTorchOutputSize(int kW, int kH, int dW, int dH, int padW, int padH, bool ceil, int oH, int oW)
    {
        var layer = new SpatialMaxPooling<double>(kW, kH, dW, dH, padW, padH);
        if (ceil) layer.Ceil();
        var x = CaseData.Uniform(50, 2, 3, 7, 7);
        var y = layer.Forward(x);
        Assert.Equal([2, 3, oH, oW], y.Size());
        Assert.True(y.AlmostEqual(Naive(x, kW, kH, dW, dH, padW, padH, oH, oW), 0));
    }

    [Fact]
    public void Backward_RoutesGradientToTheMaximum_SummingOverlaps()
    {
        var x = new Tensor<double>([1, 5, 2, 0, 3, 1, 4, 2, 0], 1, 3, 3);
        var layer = new SpatialMaxPooling<double>(2, 2, 1, 1);
        var y = layer.Forward(x);
        Assert.True(y.AlmostEqual(new Tensor<double>([5, 5, 4, 3], 1, 2, 2), 0));
        var g = layer.Backward(x, new Tensor<double>([1, 2, 3, 4], 1, 2, 2));
        Assert.True(g.AlmostEqual(new Tensor<double>([0, 3, 0, 0, 4, 0, 3, 0, 0], 1, 3, 3), 0));
    }

    [Fact]
    public void Forward_FloatAgreesWithNaive()
    {
        var x = CaseData.Uniform(51, 2, 6, 24, 24);
        var xf = new Tensor<float>(x.Size());
        for (int i = 0; i < x.NElement(); i++) xf.AsSpan()[i] = (float)x.AsSpan()[i];
        var y = new SpatialMaxPooling<float>(2, 2, 2, 2).Forward(xf);
        var expected = Naive(x, 2, 2, 2, 2, 0, 0, 12, 12);
        for (int i = 0; i < y.NElement(); i++) Assert.Equal((float)expected.AsSpan()[i], y.AsSpan()[i]);
    }

    [Fact]
    public void Forward_InputSmallerThanWindow_ThrowsNamingShape()
    {
        var e = Assert.Throws<LayerException>(() => new SpatialMaxPooling<double>(3, 3).Forward(new Tensor<double>(1, 2, 2)));
        Assert.Contains("nn.SpatialMaxPooling(3, 3, 1, 1, 0, 0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [1, 2, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PaddingAboveHalfWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialMaxPooling<double>(2, 2, 2, 2, 2, 0));
}
