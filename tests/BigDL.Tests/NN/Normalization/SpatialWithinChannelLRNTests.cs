using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Normalization;

public class SpatialWithinChannelLRNTests
{
    [Fact]
    public void Forward_DividesByTheWindowsMeanSquare()
    {
        var x = new Tensor<double>([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 3, 3);
        var y = new SpatialWithinChannelLRN<double>(3, 0.9, 0.5).Forward(x);
        // Centre pixel: the window holds all nine values; corner (0, 0): 1, 2, 4, 5 and five zeros of padding.
        Assert.Equal(5 / Math.Sqrt(1 + 0.9 * 285 / 9.0), y[0, 1, 1], 12);
        Assert.Equal(1 / Math.Sqrt(1 + 0.9 * (1 + 4 + 16 + 25) / 9.0), y[0, 0, 0], 12);
    }
}
