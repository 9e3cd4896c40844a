using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

public class ConvolutionKernelTests
{
    /// <summary>cin, cout, kernel, stride, size, images, whether Winograd computes it (the result on one or two cores).</summary>
    public static TheoryData<int, int, int, int, int, int, bool> Dispatch => new()
    {
        { 64, 64, 3, 1, 16, 1, true },      // 64 tiles: VGG's middle layers
        { 512, 512, 3, 1, 4, 16, true },    // 64 tiles: VGG's 4x4 layers on a batch of 16
        { 3, 64, 3, 1, 32, 8, false },      // a first layer: 3 planes make too shallow a GEMM
        { 64, 8, 3, 1, 16, 4, false },      // few output planes
        { 64, 64, 5, 1, 16, 4, false },     // 5x5 kernel
        { 64, 64, 3, 2, 16, 4, false },     // stride 2
        { 512, 512, 3, 1, 2, 16, true },    // 8 or 16 tiles per worker: VGG's 2x2 layers on a batch of 16
        { 512, 512, 3, 1, 2, 4, false },    // at most 4 tiles per worker: transforming the weights costs more than it saves
    };

    [Theory]
    [MemberData(nameof(Dispatch))]
    public void WinogradPays_ForManyPlanesAndTilesOf3x3Stride1Only(int cin, int cout, int kernel, int stride, int size, int images, bool expected)
    {
        var g = ConvolutionGeometry.Of(cin, size, size, kernel, kernel, stride, stride, 1, 1);
        Assert.Equal(expected, WinogradConvolution<float>.Pays(g, images, cout));
    }

    [Fact]
    public void WinogradPays_ForTheWeightGradientOnlyFromMoreTiles()
    {
        // VGG's 2x2 layers on a replica's 16 images: 8 or 16 tiles per worker.
        var g = ConvolutionGeometry.Of(512, 2, 2, 3, 3, 1, 1, 1, 1);
        Assert.True(WinogradConvolution<float>.Pays(g, 16, 512));
        Assert.False(WinogradConvolution<float>.Pays(g, 16, 512, WinogradConvolution<float>.MinWeightGradientTiles));
    }

    [Fact]
    public void SpatialConvolution_OnAWinogradShape_MatchesTheUnfoldingPath()
    {
        RandomGenerator.Default.SetSeed(21);
        var layer = new SpatialConvolution<float>(32, 40, 3, 3, 1, 1, 1, 1);
        var x = Tensor<float>.Randn(new RandomGenerator(22), 2, 32, 12, 12);
        var g = ConvolutionGeometry.Of(32, 12, 12, 3, 3, 1, 1, 1, 1);
        Assert.True(WinogradConvolution<float>.Pays(g, 2, 40));
        var expected = new float[2 * 40 * 144];
        new UnfoldedConvolution<float>().Forward(g, 2, 1, 40, x.Contiguous().Data, x.Offset, layer.Weight.AsMemory(), layer.Bias!.AsMemory(), expected, 0);
        var y = layer.Forward(x);
        Assert.True(y.AlmostEqual(new Tensor<float>(expected, 2, 40, 12, 12), 1e-4), "the layer's output differs from the unfolding path's");
    }
}
