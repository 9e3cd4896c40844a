using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

public class SpatialConvolutionMapTests
{
    [Fact]
    public void FullTable_EqualsASpatialConvolution()
    {
        RandomGenerator.Default.SetSeed(3);
        var map = new SpatialConvolutionMap<double>(SpatialConvolutionMap<double>.Full(2, 3), 3, 3, 1, 1, 1, 1);
        var weight = new Tensor<double>(1, 3, 2, 3, 3);   // [group, out, in, kH, kW]
        for (int o = 0; o < 3; o++)
            for (int i = 0; i < 2; i++) weight.Select(0, 0).Select(0, o).Select(0, i).Copy(map.Weight.Select(0, o * 2 + i));
        var conv = new SpatialConvolution<double>(2, 3, 3, 3, 1, 1, 1, 1, initWeight: weight, initBias: map.Bias);
        var x = CaseData.Uniform(4, 2, 2, 5, 5);
        Assert.True(map.Forward(x).AlmostEqual(conv.Forward(x), 1e-12));
    }

    [Fact]
    public void RandomTable_GivesEachOutputDistinctInputs()
    {
        RandomGenerator.Default.SetSeed(5);
        var table = SpatialConvolutionMap<double>.Random(6, 4, 3);
        Assert.Equal([12, 2], table.Size());
        for (int o = 0; o < 4; o++)
            Assert.Equal(3, Enumerable.Range(0, 3).Select(i => table[o * 3 + i, 0]).Distinct().Count());
    }
}
