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
}
