using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Arithmetic;

public class DenseMathTests
{
    [Fact]
    public void CMul_PerChannel_ScalesEachChannelOfABatch()
    {
        var layer = new CMul<double>(1, 2, 1, 1);
        layer.Weight.Copy(new Tensor<double>([2, -1], 1, 2, 1, 1));
        var x = Tensor<double>.Ones(3, 2, 2, 2);
        var y = layer.Forward(x);
        Assert.Equal(2, y[2, 0, 1, 1]);
        Assert.Equal(-1, y[1, 1, 0, 1]);
        layer.Backward(x, Tensor<double>.Ones(3, 2, 2, 2));
        Assert.Equal(12, layer.GradWeight[0, 1, 0, 0]);   // 3 images × 4 pixels
    }

    [Fact]
    public void Add_Batch_AddsBiasToEveryRow_AndSumsItsGradient()
    {
        var layer = new Add<double>(2);
        layer.Bias.Copy(new Tensor<double>([1, -1], 2));
        var x = new Tensor<double>([0, 0, 5, 5, 1, 2], 3, 2);
        Assert.True(layer.Forward(x).AlmostEqual(new Tensor<double>([1, -1, 6, 4, 2, 1], 3, 2), 0));
        layer.Backward(x, Tensor<double>.Ones(3, 2));
        Assert.Equal(3, layer.GradBias[1]);
    }

    [Fact]
    public void CMul_InputThatDoesNotBroadcast_ThrowsNamingShapes()
    {
        var e = Assert.Throws<LayerException>(() => new CMul<double>(1, 3, 1, 1).Forward(new Tensor<double>(2, 4, 5, 5)));
        Assert.Contains("[1, 3, 1, 1] broadcasts to", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [2, 4, 5, 5]", e.Message, StringComparison.Ordinal);
    }
}
