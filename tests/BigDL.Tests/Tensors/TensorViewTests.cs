using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public class TensorViewTests
{
    private static Tensor<double> M23() => new([1, 2, 3, 4, 5, 6], 2, 3);

    [Fact]
    public void Narrow_Columns_SharesStorageAndWritesThrough()
    {
        var m = M23();
        var n = m.Narrow(1, 1, 2);
        Assert.Equal([2, 2], n.Size());
        Assert.Equal([3, 1], n.Stride());
        Assert.Equal(1, n.StorageOffset);
        Assert.Equal(6.0, n[1, 1]);
        n[0, 0] = 20;
        Assert.Equal(20.0, m[0, 1]);
    }

    [Fact]
    public void Narrow_NegativeDim_CountsFromEnd()
    {
        Assert.Equal([2, 1], M23().Narrow(-1, 2, 1).Size());
    }

    [Fact]
    public void Narrow_OutOfRange_ThrowsWithSizes()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => M23().Narrow(1, 2, 2));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("size 3", ex.Message);
    }

    [Fact]
    public void Narrow_BadDim_ThrowsNamingDim()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => M23().Narrow(2, 0, 1));
        Assert.Equal("dim", ex.ParamName);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Select_Row_DropsDimension()
    {
        var r = M23().Select(0, 1);
        Assert.Equal([3], r.Size());
        Assert.Equal([4.0, 5.0, 6.0], [r[0], r[1], r[2]]);
    }

    [Fact]
    public void Select_Column_IsStrided()
    {
        var c = M23().Select(1, 2);
        Assert.Equal([2], c.Size());
        Assert.Equal([3], c.Stride());
        Assert.Equal(6.0, c[1]);
    }

    [Fact]
    public void Select_OnVector_GivesScalarView()
    {
        var v = new Tensor<double>([1, 2, 3], 3);
        var s = v.Select(0, 2);
        Assert.True(s.IsScalar);
        Assert.Equal(3.0, s.Value());
    }

    [Fact]
    public void Select_IndexOutOfRange_Throws()
    {
        var ex = Assert.Throws<IndexOutOfRangeException>(() => M23().Select(0, 2));
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Transpose_SwapsSizesAndStrides()
    {
        var t = M23().Transpose(0, 1);
        Assert.Equal([3, 2], t.Size());
        Assert.Equal([1, 3], t.Stride());
        Assert.False(t.IsContiguous());
        Assert.Equal(4.0, t[0, 1]);
        Assert.Equal(4.0, M23().T()[0, 1]);
    }

    [Fact]
    public void T_OnThreeDims_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Tensor<double>(2, 2, 2).T());
        Assert.Contains("[2, 2, 2]", ex.Message);
    }

    [Fact]
    public void View_Contiguous_KeepsRowMajorOrderAndInfersMinusOne()
    {
        var v = M23().View(3, -1);
        Assert.Equal([3, 2], v.Size());
        Assert.Equal(3.0, v[1, 0]);
    }

    [Fact]
    public void View_NonContiguous_ThrowsWithSizesAndStrides()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => M23().T().View(6));
        Assert.Contains("[3, 2]", ex.Message);
        Assert.Contains("[1, 3]", ex.Message);
    }

    [Fact]
    public void View_WrongCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => M23().View(4, 2));
        Assert.Contains("[4, 2]", ex.Message);
    }

    [Fact]
    public void Reshape_NonContiguous_CopiesInLogicalOrder()
    {
        var r = M23().T().Reshape(6);
        Assert.Equal([1.0, 4, 2, 5, 3, 6], r.AsSpan().ToArray());
    }

    [Fact]
    public void Squeeze_RemovesSizeOneDims()
    {
        var t = new Tensor<double>(1, 3, 1, 2);
        Assert.Equal([3, 2], t.Squeeze().Size());
        Assert.Equal([3, 1, 2], t.Squeeze(0).Size());
        Assert.Equal([1, 3, 1, 2], t.Squeeze(1).Size());
    }

    [Fact]
    public void Unsqueeze_InsertsSizeOne()
    {
        var t = M23();
        Assert.Equal([1, 2, 3], t.Unsqueeze(0).Size());
        Assert.Equal([2, 3, 1], t.Unsqueeze(2).Size());
        Assert.Equal([2, 1, 3], t.Unsqueeze(-2).Size());
        Assert.Equal(6.0, t.Unsqueeze(1)[1, 0, 2]);
    }

    [Fact]
    public void Expand_SizeOne_HasStrideZeroAndSharesValues()
    {
        var col = new Tensor<double>([1, 2], 2, 1);
        var e = col.Expand(2, 4);
        Assert.Equal([2, 4], e.Size());
        Assert.Equal([1, 0], e.Stride());
        Assert.Equal(2.0, e[1, 3]);
        col[1, 0] = 7;
        Assert.Equal(7.0, e[1, 2]);
        Assert.Equal([3, 2, 4], col.Expand(3, 2, 4).Size());
    }

    [Fact]
    public void Expand_NonSingleton_ThrowsWithShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => M23().Expand(2, 4));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[2, 4]", ex.Message);
    }

    [Fact]
    public void Unfold_Windows_AreViews()
    {
        var v = new Tensor<double>([0, 1, 2, 3, 4, 5, 6], 7);
        var u = v.Unfold(0, 3, 2);
        Assert.Equal([3, 3], u.Size());
        Assert.Equal([2, 1], u.Stride());
        Assert.Equal(4.0, u[2, 0]);
        Assert.Equal(6.0, u[2, 2]);
    }

    [Fact]
    public void Resize_SameSizesOnTransposedView_KeepsTheViewAsTorch()
    {
        var baseTensor = Tensor<double>.Range(0, 5).View(2, 3);
        var view = baseTensor.T();
        Assert.Same(view, view.Resize(3, 2));
        Assert.Equal([1, 3], view.Stride());
        Assert.Same(baseTensor.Storage, view.Storage);
    }

    [Fact]
    public void Resize_Larger_GrowsStorageKeepingValues()
    {
        var t = new Tensor<double>([1, 2], 2);
        t.Resize(2, 3);
        Assert.Equal([2, 3], t.Size());
        Assert.True(t.IsContiguous());
        Assert.True(t.Storage!.Length >= 6);
        Assert.Equal(2.0, t[0, 1]);
    }

    [Fact]
    public void Set_OtherTensor_SharesStorage()
    {
        var a = M23();
        var b = new Tensor<double>().Set(a.Narrow(0, 1, 1));
        Assert.Same(a.Storage, b.Storage);
        Assert.Equal(3, b.StorageOffset);
        b[0, 0] = -1;
        Assert.Equal(-1.0, a[1, 0]);
    }

    [Fact]
    public void Set_StorageOutOfRange_Throws()
    {
        var s = new Storage<double>(4);
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<double>().Set(s, 1, [2, 2]));
        Assert.Contains("[2, 2]", ex.Message);
    }

    [Fact]
    public void Contiguous_OnTransposed_CopiesValues()
    {
        var t = M23().T();
        var c = t.Contiguous();
        Assert.NotSame(t, c);
        Assert.True(c.IsContiguous());
        Assert.Equal([1.0, 4, 2, 5, 3, 6], c.AsSpan().ToArray());
    }

    [Fact]
    public void Contiguous_OnContiguous_ReturnsSameInstance()
    {
        var m = M23();
        Assert.Same(m, m.Contiguous());
    }
}
