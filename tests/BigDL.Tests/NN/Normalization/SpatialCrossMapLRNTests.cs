using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Normalization;

public class SpatialCrossMapLRNTests
{
    [Fact]
    public void Forward_MatchesTheFormulaWithClippedWindows()
    {
        var x = new Tensor<double>([1, 2, 3, 4], 4, 1, 1);
        var y = new SpatialCrossMapLRN<double>(3, 0.6, 0.5, 2).Forward(x);
        // channel 0 sees channels 0-1, channel 2 sees 1-3.
        Assert.Equal(1 / Math.Sqrt(2 + 0.6 / 3 * (1 + 4)), y[0, 0, 0], 12);
        Assert.Equal(3 / Math.Sqrt(2 + 0.6 / 3 * (4 + 9 + 16)), y[2, 0, 0], 12);
    }

    [Fact]
    public void Constructor_EvenSize_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialCrossMapLRN<float>(4));
}
