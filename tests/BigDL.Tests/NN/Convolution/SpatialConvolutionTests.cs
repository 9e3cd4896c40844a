using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

public class SpatialConvolutionTests
{
    /// <summary>Direct 7-loop convolution with zero padding: the oracle.</summary>
    private static Tensor<double> Naive(Tensor<double> x, Tensor<double> w, Tensor<double>? b, int groups, int sW, int sH, int padTop, int padLeft, int oH, int oW)
    {
        int n = x.Size(0), h = x.Size(2), wd = x.Size(3);
        int outPerGroup = w.Size(1), inPerGroup = w.Size(2), kH = w.Size(3), kW = w.Size(4), cout = groups * outPerGroup;
        var y = new Tensor<double>(n, cout, oH, oW);
        for (int i = 0; i < n; i++)
            for (int co = 0; co < cout; co++)
                for (int oy = 0; oy < oH; oy++)
                    for (int ox = 0; ox < oW; ox++)
                    {
                        int grp = co / outPerGroup;
                        double sum = b is null ? 0 : b[co];
                        for (int ci = 0; ci < inPerGroup; ci++)
                            for (int ky = 0; ky < kH; ky++)
                                for (int kx = 0; kx < kW; kx++)
                                {
                                    int iy = oy * sH - padTop + ky, ix = ox * sW - padLeft + kx;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                    sum += w.ValueAt(grp, co % outPerGroup, ci, ky, kx) * x.ValueAt(i, grp * inPerGroup + ci, iy, ix);
                                }
                        y.SetValue([i, co, oy, ox], sum);
                    }
        return y;
    }

    [Theory]
    [InlineData(3, 4, 3, 3, 1, 1, 0, 0, 1)]
    [InlineData(2, 6, 3, 5, 2, 1, 1, 2, 2)]
    [InlineData(1, 3, 2, 2, 3, 3, 1, 0, 1)]
    [InlineData(4, 4, 3, 3, 1, 2, 1, 1, 4)]
    public void Forward_Batch_MatchesDirectConvolution(int cin, int cout, int kW, int kH, int sW, int sH, int padW, int padH, int groups)
    {
        RandomGenerator.Default.SetSeed(9);
        var layer = new SpatialConvolution<double>(cin, cout, kW, kH, sW, sH, padW, padH, groups);
        var x = CaseData.Uniform(10, 3, cin, 9, 8);
        var y = layer.Forward(x);
        int oH = (9 + 2 * padH - kH) / sH + 1, oW = (8 + 2 * padW - kW) / sW + 1;
        Assert.Equal([3, cout, oH, oW], y.Size());
        Assert.True(y.AlmostEqual(Naive(x, layer.Weight, layer.Bias, groups, sW, sH, padH, padW, oH, oW), 1e-12));
    }

    [Fact]
    public void Forward_SamePadding_KeepsCeilOfSizeOverStride()
    {
        var layer = new SpatialConvolution<double>(2, 2, 3, 3, 2, 2, -1, -1);
        var x = CaseData.Uniform(11, 1, 2, 7, 6);
        var y = layer.Forward(x);
        Assert.Equal([1, 2, 4, 3], y.Size());
        // TensorFlow's rule: total padding (4-1)*2+3-7 = 2 rows -> 1 on top; (3-1)*2+3-6 = 1 column -> 0 on the left.
        Assert.True(y.AlmostEqual(Naive(x, layer.Weight, layer.Bias, 1, 2, 2, 1, 0, 4, 3), 1e-12));
    }

    [Fact]
    public void Forward_LargeBatch_SplitIntoChunks_MatchesOneImageAtATime()
    {
        var layer = new SpatialConvolution<float>(32, 8, 3, 3, 1, 1, 1, 1);
        var x = Tensor<float>.Randn(new RandomGenerator(3), 12, 32, 40, 40);   // 288·1600 column values per image: chunks of 4 images
        var y = layer.Forward(x).Clone();
        for (int i = 0; i < 12; i += 5)
            Assert.True(layer.Forward(x.Select(0, i).Clone()).AlmostEqual(y.Select(0, i), 1e-4));
    }

    [Fact]
    public void Backward_IsTheAdjointOfForward()
    {
        // <conv(x), g> = <x, dconv/dx(g)> for a linear map without bias: checks gradInput independently of the checker.
        var layer = new SpatialConvolution<double>(3, 4, 3, 2, 2, 1, 1, 0, withBias: false);
        var x = CaseData.Uniform(12, 2, 3, 6, 7);
        var y = layer.Forward(x).Clone();
        var g = CaseData.Uniform(13, y.Size());
        var dx = layer.Backward(x, g);
        Assert.Equal(y.Clone().CMul(g).Sum(), x.Clone().CMul(dx).Sum(), 10);
    }

    [Fact]
    public void Forward_FloatAgreesWithDouble()
    {
        RandomGenerator.Default.SetSeed(4);
        var d = new SpatialConvolution<double>(2, 3, 3, 3, 1, 1, 1, 1);
        var f = new SpatialConvolution<float>(2, 3, 3, 3, 1, 1, 1, 1, initWeight: ToFloat(d.Weight), initBias: ToFloat(d.Bias!));
        var x = CaseData.Uniform(5, 2, 2, 6, 6);
        var yd = d.Forward(x);
        var yf = f.Forward(ToFloat(x));
        for (int i = 0; i < yd.NElement(); i++)
            Assert.True(Math.Abs(yd.Contiguous().AsSpan()[i] - yf.AsSpan()[i]) < 1e-5, $"element {i}: {yd.Contiguous().AsSpan()[i]} vs {yf.AsSpan()[i]}");
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsNamingLayerAndShapes()
    {
        var e = Assert.Throws<LayerException>(() => new SpatialConvolution<double>(3, 8, 3, 3).Forward(new Tensor<double>(2, 1, 28, 28)));
        Assert.Contains("nn.SpatialConvolution(3 -> 8, 3x3", e.Message, StringComparison.Ordinal);
        Assert.Contains("[N, 3, H, W]", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [2, 1, 28, 28]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_ImageSmallerThanKernel_Throws()
    {
        var e = Assert.Throws<LayerException>(() => new SpatialConvolution<double>(1, 1, 5, 5).Forward(new Tensor<double>(1, 1, 4, 9)));
        Assert.Contains("at least the kernel's 5x5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PlanesNotDivisibleByGroups_Throws() =>
        Assert.Throws<ArgumentException>(() => new SpatialConvolution<double>(3, 4, 3, 3, nGroup: 2));

    private static Tensor<float> ToFloat(Tensor<double> t)
    {
        var source = t.Contiguous().AsSpan();
        var result = new Tensor<float>(t.Size());
        for (int i = 0; i < source.Length; i++) result.AsSpan()[i] = (float)source[i];
        return result;
    }

    [Fact]
    public void Forward_UnequalPadding_MatchesDirectLoops()
    {
        // Different padding on the two axes, checked against the 7-loop oracle.
        RandomGenerator.Default.SetSeed(6);
        var direct = new SpatialConvolution<double>(6, 12, 5, 5, 1, 1, 2, 1);
        var x = CaseData.Uniform(7, 3, 6, 9, 8);
        var viaGemm = Naive(x, direct.Weight, direct.Bias, 1, 1, 1, 1, 2, 9 + 2 - 4, 8 + 4 - 4);
        Assert.True(direct.Forward(x).AlmostEqual(viaGemm, 1e-12));
    }

    [Theory]
    [InlineData(7)]    // one vector per row in double, plus an overlapping tail
    [InlineData(19)]   // a chunk of four vectors, then a single vector, then a tail
    public void Forward_FewWeightsPerPlane_DirectPathMatchesDirectLoops(int width)
    {
        // 2 -> 5 planes with 3x3 kernels (18 weights per output plane) at stride 1 convolve without unfolding.
        RandomGenerator.Default.SetSeed(12);
        var layer = new SpatialConvolution<double>(2, 5, 3, 3, 1, 1, 1, 0);
        var x = CaseData.Uniform(13, 2, 2, 4, width);
        Assert.True(layer.Forward(x).AlmostEqual(Naive(x, layer.Weight, layer.Bias, 1, 1, 1, 0, 1, 2, width), 1e-12));
    }
}
