using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Arithmetic;

public class ReductionTests
{
    private static readonly Tensor<double> X = new([1, 5, 2, 4, 3, 0], 2, 3);

    [Fact]
    public void Reductions_OverZeroBasedDimensions()
    {
        Assert.True(new Sum<double>(1).Forward(X).AlmostEqual(new Tensor<double>([8, 7], 2), 0));
        Assert.True(new Sum<double>(0, nInputDims: 1).Forward(X).AlmostEqual(new Tensor<double>([8, 7], 2), 0), "a batch shifts the dimension");
        Assert.True(new Mean<double>(0).Forward(X).AlmostEqual(new Tensor<double>([2.5, 4, 1], 3), 1e-12));
        Assert.True(new Max<double>(1).Forward(X).AlmostEqual(new Tensor<double>([5, 4], 2), 0));
        Assert.True(new Min<double>(1).Forward(X).AlmostEqual(new Tensor<double>([1, 0], 2), 0));
        Assert.Equal([2, 1], new Sum<double>(1, squeeze: false).Forward(X).Size());
    }

    [Fact]
    public void Max_GradientGoesToTheMaximum()
    {
        var layer = new Max<double>(1);
        layer.Forward(X);
        var g = layer.Backward(X, new Tensor<double>([10, 20], 2));
        Assert.True(g.AlmostEqual(new Tensor<double>([0, 10, 0, 20, 0, 0], 2, 3), 0));
    }

    [Fact]
    public void Normalize_RowsHaveUnitNorm()
    {
        var y = new Normalize<double>(2).Forward(new Tensor<double>([3, 4, 0, 2], 2, 2));
        Assert.True(y.AlmostEqual(new Tensor<double>([0.6, 0.8, 0, 1], 2, 2), 1e-9));
        var inf = new Normalize<double>(double.PositiveInfinity).Forward(new Tensor<double>([3, -6], 2));
        Assert.True(inf.AlmostEqual(new Tensor<double>([0.5, -1], 2), 1e-9));
    }

    [Fact]
    public void PReLU_PerChannelSlopes()
    {
        var layer = new PReLU<double>(2);
        layer.Weight.Copy(new Tensor<double>([0.1, 0.5], 2));
        var y = layer.Forward(new Tensor<double>([-1, -1, 2, -2], 2, 2));
        Assert.True(y.AlmostEqual(new Tensor<double>([-0.1, -0.5, 2, -1], 2, 2), 1e-12));
        Assert.Equal(0.25, new PReLU<double>().Weight[0]);
    }

    [Fact]
    public void L1Penalty_RecordsItsLoss_AndAddsItsGradient()
    {
        var layer = new L1Penalty<double>(0.5);
        var x = new Tensor<double>([-2, 3], 2);
        Assert.Same(x, layer.Forward(x));
        Assert.Equal(2.5, layer.Loss, 12);
        Assert.True(layer.Backward(x, Tensor<double>.Ones(2)).AlmostEqual(new Tensor<double>([0.5, 1.5], 2), 1e-12));
    }

    [Fact]
    public void SpatialZeroPadding_PadsAndCrops()
    {
        var x = new Tensor<double>([1, 2, 3, 4], 1, 2, 2);
        var padded = new SpatialZeroPadding<double>(1, 0, 0, 1).Forward(x);
        Assert.True(padded.AlmostEqual(new Tensor<double>([0, 1, 2, 0, 3, 4, 0, 0, 0], 1, 3, 3), 0));
        var cropped = new SpatialZeroPadding<double>(-1, 0, 0, 0).Forward(x);
        Assert.True(cropped.AlmostEqual(new Tensor<double>([2, 4], 1, 2, 1), 0));
    }

    [Fact]
    public void SpatialDilatedConvolution_MatchesTapsSpreadOut()
    {
        RandomGenerator.Default.SetSeed(4);
        var layer = new SpatialDilatedConvolution<double>(1, 1, 2, 2, dilationW: 2, dilationH: 3);
        var x = CaseData.Uniform(5, 1, 1, 5, 4);
        var y = layer.Forward(x);
        Assert.Equal([1, 1, 2, 2], y.Size());
        var w = layer.Weight;
        double expected = layer.Bias![0];
        for (int ky = 0; ky < 2; ky++)
            for (int kx = 0; kx < 2; kx++) expected += w.ValueAt(0, 0, 0, ky, kx) * x[0, 0, 1 + 3 * ky, 1 + 2 * kx];
        Assert.Equal(expected, y[0, 0, 1, 1], 12);
    }
}
