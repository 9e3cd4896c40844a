using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Activations;

public class SoftMaxTests
{
    [Fact]
    public void Forward_Batch_RowsAreExpOverSumOfExp()
    {
        var x = new Tensor<double>([1, 2, 3, -1, 0, 1], 2, 3);
        var y = new SoftMax<double>().Forward(x);
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(2) / z, y[0, 1], 12);
        Assert.Equal(Math.Exp(1) / (Math.Exp(-1) + 1 + Math.Exp(1)), y[1, 2], 12);
    }

    [Fact]
    public void LogSoftMax_HugeLogits_StayFinite()
    {
        var x = new Tensor<float>([1000f, -1000f, 999f, -1000f, 1000f, 0f], 2, 3);
        var y = new LogSoftMax<float>().Forward(x);
        Assert.Equal(-Math.Log(1 + Math.Exp(-1)), y[0, 0], 4);
        Assert.Equal(-2000 - Math.Log(1 + Math.Exp(-1)), y[0, 1], 1);
        Assert.Equal(0, y[1, 1], 4);
        Assert.All(y.AsSpan().ToArray(), v => Assert.True(float.IsFinite(v)));
        var p = new SoftMax<float>().Forward(x);
        Assert.Equal(1, p[1, 1], 5);
    }

    [Fact]
    public void LogSoftMax_IsLogOfSoftMax()
    {
        var x = CaseData.Uniform(3, 4, 7).Mul(5);
        var log = new LogSoftMax<double>().Forward(x).Clone();
        var soft = new SoftMax<double>().Forward(x).Clone().Log();
        Assert.True(log.AlmostEqual(soft, 1e-12));
    }

    [Fact]
    public void SoftMin_IsSoftMaxOfNegation()
    {
        var x = CaseData.Uniform(4, 3, 5);
        Assert.True(new SoftMin<double>().Forward(x).AlmostEqual(new SoftMax<double>().Forward(x.Clone().Neg()), 1e-12));
    }

    [Fact]
    public void Forward_ImageBatch_NormalisesOverChannels()
    {
        var y = new SoftMax<double>().Forward(CaseData.Uniform(5, 2, 3, 4, 4));
        var sums = y.Sum(1);
        Assert.True(sums.AlmostEqual(Tensor<double>.Ones(2, 1, 4, 4), 1e-12));
    }

    [Fact]
    public void Forward_FiveDims_ThrowsNamingShape()
    {
        var e = Assert.Throws<LayerException>(() => new LogSoftMax<double>().Forward(new Tensor<double>(1, 2, 3, 4, 5)));
        Assert.Contains("nn.LogSoftMax", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [1, 2, 3, 4, 5]", e.Message, StringComparison.Ordinal);
    }
}
