using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public class TensorConstructionTests
{
    [Fact]
    public void New_WithSizes_IsContiguousZeros()
    {
        var t = new Tensor<double>(2, 3);
        Assert.Equal([2, 3], t.Size());
        Assert.Equal([3, 1], t.Stride());
        Assert.Equal(6, t.NElement());
        Assert.True(t.IsContiguous());
        Assert.All(t.AsSpan().ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void New_WithAZeroSize_IsContiguousAndEmpty()
    {
        var t = new Tensor<float>(6, 0);
        Assert.True(t.IsContiguous());
        Assert.True(t.IsEmpty);
        Assert.Equal(0, t.AsSpan().Length);
    }

    [Fact]
    public void New_FromArray_WrapsWithoutCopy_FromSpan_Copies()
    {
        var data = new[] { 1.0, 2, 3, 4, 5, 6 };
        var wrapped = new Tensor<double>(data, 2, 3);
        var copied = new Tensor<double>(data.AsSpan(), 3, 2);
        data[0] = 42;
        Assert.Equal(42.0, wrapped[0, 0]);
        Assert.Equal(1.0, copied[0, 0]);
        Assert.Equal(6.0, copied[2, 1]);
    }

    [Fact]
    public void New_FromSpanWithWrongSizes_ThrowsWithCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<float>(new float[5].AsSpan(), 2, 3));
        Assert.Equal("sizes", e.ParamName);
        Assert.Contains("[2, 3] hold 6 elements but data has 5", e.Message);
    }
}
