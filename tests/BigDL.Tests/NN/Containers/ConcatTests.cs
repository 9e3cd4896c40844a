using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Containers;

public class ConcatTests
{
    [Fact]
    public void Concat_OutputIsBranchOutputsSideBySide()
    {
        var a = new Linear<double>(3, 2);
        var b = new Linear<double>(3, 1);
        var model = new Concat<double>(1).Add(a).Add(b);
        var x = CaseData.Uniform(1, 4, 3);
        var y = model.Forward(x);
        Assert.Equal([4, 3], y.Size());
        Assert.True(y.Narrow(1, 0, 2).AlmostEqual(a.Forward(x), 0));
        Assert.True(y.Narrow(1, 2, 1).AlmostEqual(b.Forward(x), 0));
    }

    [Fact]
    public void Concat_MismatchedBranches_ThrowsNamingShapes()
    {
        var model = new Concat<double>(1).Add(new Linear<double>(3, 2)).Add(new Identity<double>());
        var e = Assert.Throws<LayerException>(() => model.Forward(new Tensor<double>(4, 3, 1)));
        Assert.Contains("nn.Concat", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcatTable_GivesEachBranchTheInput_AndSumsGradients()
    {
        var model = new ConcatTable<double>().Add(new Identity<double>()).Add(new MulConstant<double>(3));
        var x = CaseData.Uniform(2, 5);
        var y = model.Forward(x);
        Assert.Equal(2, y.Count);
        var g = model.Backward(x, new Table(Tensor<double>.Ones(5), Tensor<double>.Ones(5))).ToTensor<double>();
        Assert.True(g.AlmostEqual(Tensor<double>.Ones(5).Mul(4), 1e-12));
    }

    [Fact]
    public void JoinTable_WithNInputDims_ShiftsForBatches()
    {
        var join = new JoinTable<double>(0, nInputDims: 1);
        Assert.Equal([2, 5], join.Forward(new Table(new Tensor<double>(2, 3), new Tensor<double>(2, 2))).Size());
        Assert.Equal([5], join.Forward(new Table(new Tensor<double>(3), new Tensor<double>(2))).Size());
    }

    [Fact]
    public void CAddTable_ShapesDiffer_ThrowsDescribingTheTable()
    {
        var e = Assert.Throws<LayerException>(() => new CAddTable<double>().Forward(new Table(new Tensor<double>(2, 3), new Tensor<double>(2, 4))));
        Assert.Contains("table {tensor [2, 3], tensor [2, 4]}", e.Message, StringComparison.Ordinal);
    }
}
