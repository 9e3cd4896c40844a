using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.TableOps;

public class TableOpsTests
{
    [Fact]
    public void CMaxTable_Ties_GoToTheFirstInput()
    {
        var layer = new CMaxTable<double>();
        var a = new Tensor<double>([1, 5, 2], 3);
        var b = new Tensor<double>([1, 4, 3], 3);
        Assert.True(layer.Forward(new Table(a, b)).AlmostEqual(new Tensor<double>([1, 5, 3], 3), 0));
        var g = layer.Backward(new Table(a, b), Tensor<double>.Ones(3));
        Assert.True(g.Get<Tensor<double>>(0).AlmostEqual(new Tensor<double>([1, 1, 0], 3), 0));
        Assert.True(g.Get<Tensor<double>>(1).AlmostEqual(new Tensor<double>([0, 0, 1], 3), 0));
    }

    [Fact]
    public void PairwiseDistance_AndDotProduct_MatchHandValues()
    {
        var a = new Tensor<double>([0, 0, 1, 1], 2, 2);
        var b = new Tensor<double>([3, 4, 1, 2], 2, 2);
        Assert.True(new PairwiseDistance<double>().Forward(new Table(a, b)).AlmostEqual(new Tensor<double>([5, 1], 2), 1e-12));
        Assert.True(new PairwiseDistance<double>(1).Forward(new Table(a, b)).AlmostEqual(new Tensor<double>([7, 1], 2), 1e-12));
        Assert.True(new DotProduct<double>().Forward(new Table(a, b)).AlmostEqual(new Tensor<double>([0, 3], 2), 1e-12));
    }

    [Fact]
    public void MM_MatchesTensorProduct()
    {
        var a = CaseData.Uniform(1, 3, 2);
        var b = CaseData.Uniform(2, 3, 4);
        var y = new MM<double>(transA: true).Forward(new Table(a, b));
        Assert.True(y.AlmostEqual(a.T() * b, 1e-12));
    }

    [Fact]
    public void SelectTable_OutOfRange_DescribesTheTable()
    {
        var e = Assert.Throws<LayerException>(() => new SelectTable<double>(2).Forward(new Table(new Tensor<double>(2))));
        Assert.Contains("element 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("table {tensor [2]}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CSubTable_ThreeInputs_Throws()
    {
        var e = Assert.Throws<LayerException>(() => new CSubTable<double>().Forward(new Table(new Tensor<double>(2), new Tensor<double>(2), new Tensor<double>(2))));
        Assert.Contains("exactly 2 tensors", e.Message, StringComparison.Ordinal);
    }
}
