using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Sort and TopK along a dimension: order, stability, NaN placement, layouts, errors.</summary>
public abstract class TensorSortingTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Vector(params double[] values) => new(values.Select(V).ToArray(), values.Length);

    private static void Equal(double[] expected, Tensor<T> actual)
    {
        Assert.Equal([expected.Length], actual.Size());
        for (int i = 0; i < expected.Length; i++)
            Assert.True(V(expected[i]).Equals(actual[i]), $"at {i}: expected {expected[i]}, got {actual[i]} in [{string.Join(", ", Elements(actual))}]");
    }

    /// <summary>The oracle: LINQ's stable ordering of positions, NaN above every number.</summary>
    private static int[] StableOrder(double[] x, bool descending)
    {
        var positions = Enumerable.Range(0, x.Length);
        return descending
            ? positions.OrderByDescending(i => double.IsNaN(x[i])).ThenByDescending(i => x[i]).ToArray()
            : positions.OrderBy(i => double.IsNaN(x[i])).ThenBy(i => x[i]).ToArray();
    }

    [Fact]
    public void Sort_HandCheckedMatrix_SortsEachRowOrColumn()
    {
        var t = new Tensor<T>([V(3), V(1), V(2), V(9), V(7), V(8)], 2, 3);
        var (values, indices) = t.Sort();
        Assert.Equal(new[] { V(1), V(2), V(3), V(7), V(8), V(9) }, values.AsSpan().ToArray());
        Assert.Equal(new[] { V(1), V(2), V(0), V(1), V(2), V(0) }, indices.AsSpan().ToArray());
        (values, indices) = t.Sort(0, descending: true);
        Assert.Equal(new[] { V(9), V(7), V(8), V(3), V(1), V(2) }, values.AsSpan().ToArray());
        Assert.Equal(new[] { V(1), V(1), V(1), V(0), V(0), V(0) }, indices.AsSpan().ToArray());
    }

    [Fact]
    public void Sort_EqualValues_KeepTheirOrder()
    {
        var t = Vector(2, 1, 2, 1, 2, -0.0, 0.0);
        var (values, indices) = t.Sort();
        Equal([-0.0, 0.0, 1, 1, 2, 2, 2], values);
        Equal([5, 6, 1, 3, 0, 2, 4], indices);
        (values, indices) = t.Sort(descending: true);
        Equal([2, 2, 2, 1, 1, 0, 0], values);
        Equal([0, 2, 4, 1, 3, 5, 6], indices);
    }

    [Fact]
    public void Sort_NaN_LastAscendingFirstDescending()
    {
        var t = Vector(3, double.NaN, 1, double.NaN, 2);
        var (values, indices) = t.Sort();
        Equal([1, 2, 3, double.NaN, double.NaN], values);
        Equal([2, 4, 0, 1, 3], indices);
        (values, indices) = t.Sort(0, descending: true);
        Equal([double.NaN, double.NaN, 3, 2, 1], values);
        Equal([1, 3, 0, 4, 2], indices);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Sort_SpecialValues_OrderedLikeNumbersWithNaNAbove(int repeats)
    {
        // Both NaN signs, both zeros, infinities and subnormals; 4 repeats (44 values) take the radix path.
        double positiveNaN = BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL);
        double negativeNaN = BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL);
        double tiny = typeof(T) == typeof(float) ? float.Epsilon : double.Epsilon;
        double[] special = [negativeNaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, -tiny, tiny, -1, 1, positiveNaN, -1e30];
        var x = Enumerable.Repeat(special, repeats).SelectMany(v => v).ToArray();
        var t = Vector(x);
        foreach (bool descending in new[] { false, true })
        {
            var order = StableOrder(x, descending);
            var (values, indices) = t.Sort(descending: descending);
            Equal(order.Select(i => (double)i).ToArray(), indices);
            Equal(order.Select(i => x[i]).ToArray(), values);
        }
        Equal(repeats == 1 ? [2, 10, 7] : [2, 13, 24], t.TopK(3).Indices);  // −∞ first, then −1e30 and −1
    }

    [Fact]
    public void TopK_HandCheckedVector_SmallestByDefaultLargestWhenNotIncrease()
    {
        var t = Vector(4, 1, 5, 1, 2);
        var (values, indices) = t.TopK(2);
        Equal([1, 1], values);
        Equal([1, 3], indices);
        (values, indices) = t.TopK(2, increase: false);
        Equal([5, 4], values);
        Equal([2, 0], indices);
        (values, indices) = t.TopK(2, increase: false, sorted: false);
        Equal([4, 5], values);
        Equal([0, 2], indices);
        (values, indices) = t.TopK(0);
        Assert.Equal([0], values.Size());
        Assert.Equal([0], indices.Size());
    }

    [Fact]
    public void TopK_ManyTiesInLongRow_TakesEarliestPositions()
    {
        // 60 values from {0, 1, 2}: k = 3 of 60 goes through the bounded selection, not a full sort.
        var x = Enumerable.Range(0, 60).Select(i => (double)((i * 7) % 3)).ToArray();
        var t = Vector(x);
        foreach (bool increase in new[] { true, false })
        {
            var expected = StableOrder(x, descending: !increase).Take(3).ToArray();
            var (values, indices) = t.TopK(3, increase: increase);
            Equal(expected.Select(i => (double)i).ToArray(), indices);
            Equal(expected.Select(i => x[i]).ToArray(), values);
        }
    }

    public static TheoryData<int[]> Shapes => new() { new[] { 9 }, new[] { 3, 4, 5 }, new[] { 7, 30 }, new[] { 2, 3, 2, 5 }, new[] { 300, 250 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SortAndTopK_EveryLayoutAndDim_MatchStableOracle(int[] sizes)
    {
        foreach (var (layout, t) in Layouts<T>(sizes, seed: 9, low: -3, high: 3))
        {
            t.Apply(v => T.Round(v));  // few distinct values: many ties
            for (int d = 0; d < sizes.Length; d++)
            {
                int n = sizes[d];
                var sorts = new[] { t.Sort(d), t.Sort(d - sizes.Length, descending: true) };
                var tops = new[] { 1, Math.Min(3, n), n }
                    .SelectMany(k => new[] { (k, true, true), (k, false, true), (k, false, false) })
                    .Select(c => (c, result: t.TopK(c.k, d, c.Item2, c.Item3))).ToArray();
                foreach (var at in Indices(With(sizes, d, 1)))
                {
                    var x = Slice(t, d, at);
                    for (int s = 0; s < 2; s++)
                        CheckSlice(StableOrder(x, descending: s == 1), x, sorts[s], d, at, $"{layout} dim {d} Sort desc={s == 1}");
                    foreach (var ((k, increase, sorted), result) in tops)
                    {
                        var order = StableOrder(x, descending: !increase).Take(k).ToArray();
                        if (!sorted) Array.Sort(order);
                        CheckSlice(order, x, result, d, at, $"{layout} dim {d} TopK({k}, increase={increase}, sorted={sorted})");
                    }
                }
            }
        }
    }

    private static void CheckSlice(int[] order, double[] x, (Tensor<T> Values, Tensor<T> Indices) result, int d, int[] at, string what)
    {
        Assert.Equal(order.Length, result.Values.Size(d));
        Assert.Equal(result.Values.Size(), result.Indices.Size());
        var index = (int[])at.Clone();
        for (int j = 0; j < order.Length; j++)
        {
            index[d] = j;
            Assert.True(V(order[j]).Equals(result.Indices[index]), $"{what} at [{string.Join(", ", at)}] #{j}: expected index {order[j]}, got {result.Indices[index]}");
            Assert.True(V(x[order[j]]).Equals(result.Values[index]), $"{what} at [{string.Join(", ", at)}] #{j}: value");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void TopK_KOutOfRange_ThrowsNamingKAndDimensionSize(int k)
    {
        var t = new Tensor<T>(4, 5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t.TopK(k));
        Assert.Equal("k", e.ParamName);
        Assert.Contains($"k = {k}", e.Message);
        Assert.Contains("size 5", e.Message);
        Assert.Contains("[4, 5]", e.Message);
    }

    [Fact]
    public void SortAndTopK_BadDim_ThrowNamingDimAndShape()
    {
        var t = new Tensor<T>(4, 5);
        foreach (var call in new Action[] { () => t.Sort(2), () => t.TopK(1, -3) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("dim", e.ParamName);
            Assert.Contains("[4, 5]", e.Message);
        }
    }

    [Fact]
    public void Sort_EmptyDimension_GivesEmptyResults()
    {
        var (values, indices) = new Tensor<T>(2, 0).Sort();
        Assert.Equal([2, 0], values.Size());
        Assert.Equal([2, 0], indices.Size());
        Assert.Equal([0, 2], new Tensor<T>(0, 3).TopK(2).Values.Size());
    }
}

public sealed class TensorSortingTestsFloat : TensorSortingTests<float>;

public sealed class TensorSortingTestsDouble : TensorSortingTests<double>;
