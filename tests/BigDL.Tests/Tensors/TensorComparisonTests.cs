using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Masks, masked fill/select and AlmostEqual.</summary>
public abstract class TensorComparisonTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Of(int[] sizes, params double[] values) => new([.. values.Select(V)], sizes);

    [Fact]
    public void ScalarComparisons_GiveOneWhereTrue()
    {
        var t = Of([2, 3], 1, 2, 3, 4, 5, double.NaN);
        Assert.Equal([0.0, 0, 0, 1, 1, 0], Elements(t.Gt(V(3))));
        Assert.Equal([0.0, 0, 1, 1, 1, 0], Elements(t.Ge(V(3))));
        Assert.Equal([1.0, 1, 0, 0, 0, 0], Elements(t.Lt(V(3))));
        Assert.Equal([1.0, 1, 1, 0, 0, 0], Elements(t.Le(V(3))));
        Assert.Equal([0.0, 0, 1, 0, 0, 0], Elements(t.Eq(V(3))));
        Assert.Equal([1.0, 1, 0, 1, 1, 1], Elements(t.Ne(V(3))));
        Assert.Equal([2, 3], t.Gt(V(0)).Size());
    }

    [Fact]
    public void TensorComparisons_BroadcastAndWorkOnTransposedViews()
    {
        var t = Of([3, 2], 1, 4, 2, 5, 3, 6).T(); // [[1, 2, 3], [4, 5, 6]]
        var row = Of([3], 2, 2, 7);
        Assert.Equal([0.0, 0, 0, 1, 1, 0], Elements(t.Gt(row)));
        Assert.Equal([0.0, 1, 0, 0, 0, 0], Elements(t.Eq(row)));
        Assert.Equal([1.0, 0, 1, 0, 0, 1], Elements(t.Lt(row)));
    }

    [Fact]
    public void MaskedFill_BroadcastMask_FillsWhereNonZero()
    {
        var t = Of([2, 3], 1, 2, 3, 4, 5, 6);
        t.MaskedFill(Of([3], 1, 0, 2), V(-1));
        Assert.Equal([-1.0, 2, -1, -1, 5, -1], Elements(t));
    }

    [Fact]
    public void MaskedSelect_ReturnsSelectedInRowMajorOrder()
    {
        var t = Of([2, 2], 1, 2, 3, 4).T(); // [[1, 3], [2, 4]]
        var picked = t.MaskedSelect(t.Gt(V(1.5)));
        Assert.Equal([3], picked.Size());
        Assert.Equal([3.0, 2, 4], Elements(picked));
        Assert.Equal([0], t.MaskedSelect(t.Gt(V(10))).Size());
    }

    [Fact]
    public void MaskedFill_MaskNotBroadcastable_ThrowsNamingMask()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 3).MaskedFill(new Tensor<T>(2), T.One));
        Assert.Equal("mask", e.ParamName);
        Assert.Contains("[2]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void AlmostEqual_WithinAndBeyondTolerance()
    {
        var a = Of([2, 2], 1, 2, 3, 4);
        Assert.True(a.AlmostEqual(Of([2, 2], 1, 2, 3, 4.05), 0.1));
        Assert.False(a.AlmostEqual(Of([2, 2], 1, 2, 3, 4.2), 0.1));
        Assert.True(a.T().AlmostEqual(Of([2, 2], 1, 3, 2, 4), 0));
    }

    [Fact]
    public void AlmostEqual_DifferentSizesOrNaN_IsFalseNotAnException()
    {
        var a = Of([2, 2], 1, 2, 3, 4);
        Assert.False(a.AlmostEqual(Of([4], 1, 2, 3, 4), 1));
        Assert.False(a.AlmostEqual(Of([2, 2], 1, 2, 3, double.NaN), 1));
        Assert.True(new Tensor<T>(0).AlmostEqual(new Tensor<T>(0), 0));
    }
}

public sealed class TensorComparisonTestsFloat : TensorComparisonTests<float>;

public sealed class TensorComparisonTestsDouble : TensorComparisonTests<double>;
