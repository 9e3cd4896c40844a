using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public class TensorElementTests
{
    [Fact]
    public void Indexers_ReadAndWriteByStrides()
    {
        var t = new Tensor<double>(2, 3, 4);
        t[1, 2, 3] = 5;
        Assert.Equal(5.0, t.Storage![1 * 12 + 2 * 4 + 3]);
        Assert.Equal(5.0, t[[1, 2, 3]]);
        Assert.Equal(5.0, t.ValueAt(1, 2, 3));
        t.SetValue([0, 1, 2], 9);
        Assert.Equal(9.0, t[0, 1, 2]);
    }

    [Fact]
    public void Indexer_OutOfRange_ThrowsWithDimAndShape()
    {
        var t = new Tensor<float>(2, 3);
        var ex = Assert.Throws<IndexOutOfRangeException>(() => t[1, 3]);
        Assert.Contains("index 3", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Indexer_WrongIndexCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<float>(2, 3)[1]);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Value_NotSingleElement_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Tensor<double>(2).Value());
        Assert.Contains("[2]", ex.Message);
        Assert.Equal(4.0, new Tensor<double>([4], 1, 1).Value());
    }

    [Fact]
    public void Fill_StridedView_TouchesOnlyViewElements()
    {
        var m = new Tensor<double>(3, 4);
        m.Select(1, 2).Fill(7);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(j == 2 ? 7.0 : 0.0, m[i, j]);
    }

    [Fact]
    public void Zero_ClearsValues()
    {
        var t = Tensor<float>.Ones(3, 3).T();
        t.Zero();
        Assert.All(t.Contiguous().AsSpan().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Apply_Transposed_MapsEveryElement()
    {
        var t = new Tensor<double>([1, 2, 3, 4], 2, 2).T().Apply(x => x * 10);
        Assert.Equal([10.0, 30, 20, 40], t.Contiguous().AsSpan().ToArray());
    }

    [Fact]
    public void Map_PairsElementsInRowMajorOrder()
    {
        var a = new Tensor<double>([1, 2, 3, 4], 2, 2);
        var b = new Tensor<double>([10, 20, 30, 40], 2, 2).T(); // logical 10,30,20,40
        a.Map(b, (x, y) => x + y);
        Assert.Equal([11.0, 32, 23, 44], a.AsSpan().ToArray());
    }

    [Fact]
    public void Map_CountMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<double>(2, 2).Map(new Tensor<double>(3), (x, y) => x));
        Assert.Contains("[2, 2]", ex.Message);
        Assert.Contains("[3]", ex.Message);
    }
}
