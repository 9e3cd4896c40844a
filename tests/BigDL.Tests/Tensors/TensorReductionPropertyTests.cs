using System.Numerics;
using BigDL.Tensors;
using CsCheck;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Property tests relating reductions, sort and top-k to each other on random shapes, layouts and data.</summary>
public abstract class TensorReductionPropertyTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A random tensor (1 to 4 dims of 1 to 6, any of the four layouts, values rounded to tenths for ties) and a dimension.</summary>
    private static readonly Gen<(Tensor<T> Tensor, int Dim, int K)> Cases =
        from sizes in Gen.Int[1, 6].Array[1, 4]
        from dim in Gen.Int[0, 3]
        from layout in Gen.Int[0, 3]
        from seed in Gen.Int[0, 1_000_000]
        from k in Gen.Int[0, 6]
        select (Make(sizes, layout, seed), dim % sizes.Length, Math.Min(k, sizes[dim % sizes.Length]));

    private static Tensor<T> Make(int[] sizes, int layout, int seed)
        => Layouts<T>(sizes, seed).ElementAt(layout).Tensor.Apply(v => T.Round(v * T.CreateTruncating(10)) / T.CreateTruncating(10));

    [Fact]
    public void Sort_AnyTensor_IsOrderedStableAndGathersBack()
    {
        Cases.Sample(c =>
        {
            var (t, d, _) = c;
            var (values, indices) = t.Sort(d);
            foreach (var at in Indices(With(t.Size(), d, 1)))
            {
                var x = Slice(t, d, at);
                var v = Slice(values, d, at);
                var p = Slice(indices, d, at).Select(i => (int)i).ToArray();
                Assert.Equal(Enumerable.Range(0, x.Length), p.Order());
                for (int j = 0; j < x.Length; j++) Assert.Equal(x[p[j]], v[j]);
                for (int j = 1; j < x.Length; j++)
                {
                    Assert.True(v[j - 1] <= v[j], $"not ordered at {j}: {v[j - 1]} > {v[j]}");
                    if (v[j - 1] == v[j]) Assert.True(p[j - 1] < p[j], $"not stable at {j}");
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void SumOverDim_ThenSum_EqualsSum()
    {
        Cases.Sample(c =>
        {
            var (t, d, _) = c;
            Close(double.CreateTruncating(t.Sum()), t.Sum(d).Sum(), $"Sum({d}).Sum() of {Shape.Format(t.Size())}");
        }, iter: 200);
    }

    [Fact]
    public void TopK_AnyK_EqualsTheSortedPrefix()
    {
        Cases.Sample(c =>
        {
            var (t, d, k) = c;
            foreach (bool increase in new[] { true, false })
            {
                var (values, indices) = t.TopK(k, d, increase);
                var sorted = t.Sort(d, descending: !increase);
                Assert.Equal(Elements(sorted.Values.Narrow(d, 0, k)), Elements(values));
                Assert.Equal(Elements(sorted.Indices.Narrow(d, 0, k)), Elements(indices));
            }
        }, iter: 200);
    }

    [Fact]
    public void MaxAndMin_AnyTensor_EqualTheFirstEntryOfTheStableSort()
    {
        Cases.Sample(c =>
        {
            var (t, d, _) = c;
            foreach (bool max in new[] { true, false })
            {
                var (values, indices) = max ? t.Max(d) : t.Min(d);
                var sorted = t.Sort(d, descending: max);
                Assert.Equal(Elements(sorted.Values.Narrow(d, 0, 1)), Elements(values));
                Assert.Equal(Elements(sorted.Indices.Narrow(d, 0, 1)), Elements(indices));
            }
        }, iter: 200);
    }
}

public sealed class TensorReductionPropertyTestsFloat : TensorReductionPropertyTests<float>;

public sealed class TensorReductionPropertyTestsDouble : TensorReductionPropertyTests<double>;
