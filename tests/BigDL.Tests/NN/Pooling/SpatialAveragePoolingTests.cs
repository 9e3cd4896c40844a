using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Pooling;

public class SpatialAveragePoolingTests
{
    private static readonly Tensor<double> Image = new([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 3, 3);

    [Fact]
    public void Forward_PaddedWindows_CountPadByDefault()
    {
        var y = new SpatialAveragePooling<double>(2, 2, 2, 2, 1, 1).Forward(Image);
        Assert.Equal([1, 2, 2], y.Size());
        Assert.Equal(1 / 4.0, y[0, 0, 0], 12);            // window covers pad, pad, pad, 1
        Assert.Equal((5 + 6 + 8 + 9) / 4.0, y[0, 1, 1], 12);
    }

    [Fact]
    public void Forward_ExcludingPad_DividesByRealElements()
    {
        var y = new SpatialAveragePooling<double>(2, 2, 2, 2, 1, 1, countIncludePad: false).Forward(Image);
        Assert.Equal(1, y[0, 0, 0], 12);
        Assert.Equal((2 + 3) / 2.0, y[0, 0, 1], 12);
    }

    [Fact]
    public void Forward_Global_AveragesWholePlanes()
    {
        var x = CaseData.Uniform(3, 2, 3, 5, 4);
        var y = new SpatialAveragePooling<double>(1, 1, globalPooling: true).Forward(x);
        Assert.Equal([2, 3, 1, 1], y.Size());
        Assert.Equal(x.Select(0, 1).Select(0, 2).Mean(), y[1, 2, 0, 0], 12);
    }

    [Fact]
    public void Forward_NoDivide_Sums() =>
        Assert.Equal(1 + 2 + 4 + 5, new SpatialAveragePooling<double>(2, 2, divide: false).Forward(Image)[0, 0, 0], 12);
}
