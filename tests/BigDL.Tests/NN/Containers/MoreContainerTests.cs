using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Containers;

public class MoreContainerTests
{
    [Fact]
    public void MapTable_SharesOneSetOfParameters()
    {
        var layer = new MapTable<double>(new Linear<double>(3, 2));
        var x = new Table(CaseData.Uniform(1, 3), CaseData.Uniform(2, 3));
        var y = layer.Forward(x);
        Assert.Equal(3 * 2 + 2, layer.ParameterCount());
        var linear = (Linear<double>)layer.Modules[0];
        Assert.True(y.Get<Tensor<double>>(1).AlmostEqual(linear.Forward(x.Get<Tensor<double>>(1)), 1e-12));
        layer.ZeroGradParameters();
        layer.Backward(x, new Table(Tensor<double>.Ones(2), Tensor<double>.Ones(2)));
        var expectedBias = Tensor<double>.Ones(2).Mul(2);   // both elements' gradients land in the one bias gradient
        Assert.True(linear.GradBias!.AlmostEqual(expectedBias, 1e-12));
    }

    [Fact]
    public void Bottle_FoldsLeadingDimensions()
    {
        var bottle = new Bottle<double>(new Linear<double>(4, 2));
        Assert.Equal([3, 5, 2], bottle.Forward(new Tensor<double>(3, 5, 4)).Size());
    }

    [Fact]
    public void Euclidean_IsTheDistanceToEachCentre()
    {
        var layer = new Euclidean<double>(2, 2);
        layer.Weight.Copy(new Tensor<double>([0, 3, 0, 4], 2, 2));   // centres (0, 0) and (3, 4)
        Assert.True(layer.Forward(new Tensor<double>([0, 0], 2)).AlmostEqual(new Tensor<double>([0, 5], 2), 1e-12));
    }

    [Fact]
    public void InferReshape_ZeroCopiesAndMinusOneInfers() =>
        Assert.Equal([2, 3, 4], new InferReshape<double>([0, -1], batchMode: true).Forward(new Tensor<double>(2, 3, 2, 2)).Size());

    [Fact]
    public void Padding_FillsBeforeOrAfter()
    {
        var y = new Padding<double>(0, -2, 1, 9).Forward(new Tensor<double>([1, 2], 2));
        Assert.True(y.AlmostEqual(new Tensor<double>([9, 9, 1, 2], 4), 0));
    }
}
