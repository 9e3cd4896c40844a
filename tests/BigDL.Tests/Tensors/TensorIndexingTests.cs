using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>IndexSelect, IndexFill, Gather and Scatter on hand-checked cases, 0-based.</summary>
public abstract class TensorIndexingTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Of(int[] sizes, params double[] values) => new([.. values.Select(V)], sizes);

    private static Tensor<T> Matrix() => Of([3, 4], 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);

    [Fact]
    public void IndexSelect_RowsAndColumns_InGivenOrderWithRepeats()
    {
        var m = Matrix();
        var rows = m.IndexSelect(0, 2, 0, 2);
        Assert.Equal([3, 4], rows.Size());
        Assert.Equal([20.0, 21, 22, 23, 0, 1, 2, 3, 20, 21, 22, 23], Elements(rows));
        var columns = m.T().IndexSelect(0, Of([2], 3, 1));
        Assert.Equal([2, 3], columns.Size());
        Assert.Equal([3.0, 13, 23, 1, 11, 21], Elements(columns));
    }

    [Fact]
    public void IndexFill_FillsTheNamedSlices()
    {
        var m = Matrix().IndexFill(1, [0, 3], V(-1));
        Assert.Equal([-1.0, 1, 2, -1, -1, 11, 12, -1, -1, 21, 22, -1], Elements(m));
    }

    [Fact]
    public void Gather_AlongColumns_PicksPerRow()
    {
        var picked = Matrix().Gather(1, Of([3, 2], 3, 0, 1, 1, 0, 2));
        Assert.Equal([3, 2], picked.Size());
        Assert.Equal([3.0, 0, 11, 11, 20, 22], Elements(picked));
    }

    [Fact]
    public void Gather_AlongRows_PicksPerColumn()
    {
        var picked = Matrix().Gather(0, Of([1, 4], 2, 0, 1, 2));
        Assert.Equal([20.0, 1, 12, 23], Elements(picked));
    }

    [Fact]
    public void Scatter_SourceAndValue_WriteAtIndexedPositions()
    {
        var target = new Tensor<T>(2, 4);
        target.Scatter(1, Of([2, 2], 3, 0, 1, 2), Of([2, 2], 5, 6, 7, 8));
        Assert.Equal([6.0, 0, 0, 5, 0, 7, 8, 0], Elements(target));
        target.Scatter(0, Of([1, 4], 1, 0, 1, 0), V(9));
        Assert.Equal([6.0, 9, 0, 9, 9, 7, 9, 0], Elements(target));
    }

    [Fact]
    public void GatherThenScatter_OneHotRoundTrip()
    {
        var labels = Of([4, 1], 2, 0, 1, 2);
        var oneHot = new Tensor<T>(4, 3).Scatter(1, labels, T.One);
        Assert.Equal([0.0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1], Elements(oneHot));
        Assert.Equal([1.0, 1, 1, 1], Elements(oneHot.Gather(1, labels)));
    }

    [Fact]
    public void IndexSelect_IndexOutOfRange_ThrowsWithIndexAndRange()
    {
        var e = Assert.Throws<IndexOutOfRangeException>(() => Matrix().IndexSelect(0, 1, 3));
        Assert.Contains("indices[1] = 3", e.Message);
        Assert.Contains("0..2", e.Message);
        Assert.Contains("[3, 4]", e.Message);
    }

    [Fact]
    public void Gather_FractionalIndex_ThrowsNamingPosition()
    {
        var e = Assert.Throws<ArgumentException>(() => Matrix().Gather(1, Of([3, 1], 0, 1.5, 2)));
        Assert.Contains("index[1, 0]", e.Message);
        Assert.Contains("1.5", e.Message);
    }

    [Fact]
    public void Gather_IndexWithOtherDims_ThrowsWithShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Matrix().Gather(1, Of([3], 0, 1, 2)));
        Assert.Equal("index", e.ParamName);
        Assert.Contains("[3, 4]", e.Message);
        Assert.Contains("[3]", e.Message);
    }
}

public sealed class TensorIndexingTestsFloat : TensorIndexingTests<float>;

public sealed class TensorIndexingTestsDouble : TensorIndexingTests<double>;
