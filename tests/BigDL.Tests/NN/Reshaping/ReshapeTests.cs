using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Reshaping;

public class ReshapeTests
{
    [Fact]
    public void Forward_ExactlyOneSample_IsNotABatch()
    {
        Assert.Equal([1, 28, 28], new Reshape<float>([1, 28, 28]).Forward(new Tensor<float>(784)).Size());
        Assert.Equal([5, 1, 28, 28], new Reshape<float>([1, 28, 28]).Forward(new Tensor<float>(5, 784)).Size());
    }

    [Fact]
    public void Forward_BatchModeTrue_KeepsFirstDimension() =>
        Assert.Equal([1, 2, 3], new Reshape<float>([2, 3], batchMode: true).Forward(new Tensor<float>(1, 6)).Size());

    [Fact]
    public void Forward_ContiguousInput_IsAViewSharingStorage()
    {
        var x = new Tensor<float>(4, 6);
        var y = new Reshape<float>([2, 3]).Forward(x);
        Assert.Same(x.Storage, y.Storage);
        var v = new View<float>(3, 2).Forward(x);
        Assert.Same(x.Storage, v.Storage);
    }

    [Fact]
    public void Forward_ElementCountDoesNotFit_ThrowsNamingShapes()
    {
        var e = Assert.Throws<LayerException>(() => new Reshape<float>([12 * 4 * 4]).Forward(new Tensor<float>(3, 12, 5, 5)));
        Assert.Contains("nn.Reshape(192)", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [3, 12, 5, 5]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void View_InfersMinusOne()
    {
        Assert.Equal([6, 2], new View<float>(-1, 2).Forward(new Tensor<float>(3, 4)).Size());
        Assert.Equal([4, 512], new View<float>(512).Forward(new Tensor<float>(4, 512, 1, 1)).Size());
        Assert.Equal([1, 512], new View<float>(512).SetNumInputDims(3).Forward(new Tensor<float>(1, 512, 1, 1)).Size());
    }

    [Fact]
    public void View_DoesNotFit_Throws()
    {
        var e = Assert.Throws<LayerException>(() => new View<float>(-1, 5).Forward(new Tensor<float>(3, 4)));
        Assert.Contains("a multiple of 5 elements", e.Message, StringComparison.Ordinal);
    }
}
