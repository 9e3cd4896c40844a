using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Reductions along one dimension (kept with size 1): Sum, Mean, Prod, Norm, Var, Std, Max, Min, ArgMax, ArgMin.</summary>
public abstract class TensorDimReductionTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Matrix(double[,] values)
    {
        var t = new Tensor<T>(values.GetLength(0), values.GetLength(1));
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++) t[i, j] = V(values[i, j]);
        return t;
    }

    private static void Equal(double[,] expected, Tensor<T> actual)
    {
        Assert.Equal([expected.GetLength(0), expected.GetLength(1)], actual.Size());
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True(V(expected[i, j]).Equals(actual[i, j]), $"at [{i}, {j}]: expected {expected[i, j]}, got {actual[i, j]}");
    }

    [Fact]
    public void DimReductions_HandCheckedMatrix_KeepTheDimensionWithSizeOne()
    {
        var t = Matrix(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });
        var (values, indices) = t.Max(1);
        Equal(new double[,] { { 5 }, { 6 } }, values);
        Equal(new double[,] { { 1 }, { 2 } }, indices);
        (values, indices) = t.Max(0);
        Equal(new double[,] { { 4, 5, 6 } }, values);
        Equal(new double[,] { { 1, 0, 1 } }, indices);
        (values, indices) = t.Min(-1);
        Equal(new double[,] { { 1 }, { 2 } }, values);
        Equal(new double[,] { { 0 }, { 1 } }, indices);
        Equal(new double[,] { { 1 }, { 2 } }, t.ArgMax(1));
        Equal(new double[,] { { 0, 1, 0 } }, t.ArgMin(0));
        Equal(new double[,] { { 5, 7, 9 } }, t.Sum(0));
        Equal(new double[,] { { 9 }, { 12 } }, t.Sum(1));
        Equal(new double[,] { { 3 }, { 4 } }, t.Mean(-1));
        Equal(new double[,] { { 4, 10, 18 } }, t.Prod(0));
        Equal(new double[,] { { 5, 7, 9 } }, t.Norm(V(1), 0));
        Equal(new double[,] { { 4, 5, 6 } }, t.Norm(T.PositiveInfinity, 0));
        Equal(new double[,] { { 5 }, { 5 } }, Matrix(new double[,] { { 3, 4 }, { 4, 3 } }).Norm(V(2), 1));
        Equal(new double[,] { { 4 }, { 4 } }, t.Var(1));
        Equal(new double[,] { { 2 }, { 2 } }, t.Std(1));
        Equal(new double[,] { { 2.25, 2.25, 2.25 } }, t.Var(0, unbiased: false));
    }

    public static TheoryData<int[]> Shapes => new()
    {
        new[] { 9 }, new[] { 3, 4, 5 }, new[] { 7, 300 }, new[] { 40, 37 }, new[] { 2, 3, 2, 5 }, new[] { 260, 270 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DimReductions_EveryLayoutAndDim_MatchNaiveLoops(int[] sizes)
    {
        foreach (var (layout, t) in Layouts<T>(sizes, seed: 5, low: 0.5, high: 1.5))
        {
            for (int dim = -1; dim < sizes.Length; dim++)
            {
                int d = dim < 0 ? dim + sizes.Length : dim;
                var kept = With(sizes, d, 1);
                string at = $"{layout} {Format(sizes)} dim {dim}";
                double[] S(int[] i) => Slice(t, d, i);
                Close(kept, i => Sum(S(i)), t.Sum(dim), $"{at} Sum");
                Close(kept, i => Sum(S(i)) / sizes[d], t.Mean(dim), $"{at} Mean");
                Close(kept, i => Prod(S(i)), t.Prod(dim), $"{at} Prod");
                foreach (double p in new[] { 1, 2, 2.5, double.PositiveInfinity })
                    Close(kept, i => Norm(S(i), p), t.Norm(V(p), dim), $"{at} Norm({p})");
                Close(kept, i => Var(S(i), true), t.Var(dim), $"{at} Var");
                Close(kept, i => Var(S(i), false), t.Var(dim, false), $"{at} Var(biased)");
                Close(kept, i => Math.Sqrt(Var(S(i), true)), t.Std(dim), $"{at} Std");
                foreach (bool max in new[] { true, false })
                {
                    var (values, indices) = max ? t.Max(dim) : t.Min(dim);
                    Assert.Equal(kept, values.Size());
                    Assert.Equal(kept, indices.Size());
                    foreach (var i in Indices(kept))
                    {
                        var slice = S(i);
                        int k = ArgExtreme(slice, max);
                        Assert.True(V(k).Equals(indices[i]), $"{at} {(max ? "Max" : "Min")} index at [{string.Join(", ", i)}]: expected {k}, got {indices[i]}");
                        Assert.Equal(V(slice[k]), values[i]);
                    }
                    Assert.Equal(indices.AsSpan().ToArray(), (max ? t.ArgMax(dim) : t.ArgMin(dim)).AsSpan().ToArray());
                }
            }
        }
    }

    [Fact]
    public void Max_TiesInRowsAndColumns_GiveFirstIndex()
    {
        var t = Matrix(new double[,] { { 3, 1, 3 }, { 3, 3, 1 } });
        Equal(new double[,] { { 0 }, { 0 } }, t.Max(1).Indices);
        Equal(new double[,] { { 0, 1, 0 } }, t.Max(0).Indices);
        Equal(new double[,] { { 1 }, { 2 } }, t.Min(1).Indices);
        Equal(new double[,] { { 0, 0, 1 } }, t.Min(0).Indices);

        // A long contiguous row (vectorized path) and the same data as a column (column path).
        var row = new Tensor<T>(1, 40);
        row[0, 5] = V(7);
        row[0, 30] = V(7);
        row[0, 12] = V(-2);
        row[0, 33] = V(-2);
        Equal(new double[,] { { 5 } }, row.Max(1).Indices);
        Equal(new double[,] { { 12 } }, row.Min(1).Indices);
        var column = row.T().Contiguous();
        Equal(new double[,] { { 5 } }, column.Max(0).Indices);
        Equal(new double[,] { { 12 } }, column.Min(0).Indices);
        Equal(new double[,] { { 5 } }, row.T().Max(0).Indices);
    }

    [Fact]
    public void Max_NegativeAndPositiveZero_TieAtFirstIndex()
    {
        var t = Matrix(new double[,] { { -0.0, 0.0 } });
        var strided = new Tensor<T>(1, 2, 2).Select(2, 0).Copy(t);
        foreach (var view in new[] { t, strided })
        {
            Assert.Equal(T.Zero, view.Max(1).Indices[0, 0]);
            Assert.Equal(T.Zero, view.Min(1).Indices[0, 0]);
        }
        Assert.Equal(T.Zero, t.T().Contiguous().Max(0).Indices[0, 0]);
        Assert.Equal(T.Zero, t.T().Contiguous().Min(0).Indices[0, 0]);
    }

    [Fact]
    public void MaxMin_NaN_IsTheFirstNaNInEveryPath()
    {
        double nan = double.NaN;
        var t = Matrix(new double[,] { { 1, nan, 5, nan }, { 9, 2, 3, 4 } });
        var paths = new (string, Tensor<T>, int)[]
        {
            ("rows", t, 1), ("columns", t.T().Contiguous(), 0), ("strided", t.T().Contiguous().T(), 1),
        };
        foreach (var (path, view, dim) in paths)
        {
            foreach (bool max in new[] { true, false })
            {
                var (values, indices) = max ? view.Max(dim) : view.Min(dim);
                Assert.True(T.IsNaN(values.ValueAt(0, 0)), $"{path} {max}");
                Assert.True(V(1).Equals(indices.ValueAt(0, 0)), $"{path} {max}: index {indices.ValueAt(0, 0)}");
                Assert.Equal(max ? V(0) : V(1), indices.ValueAt(dim, 1 - dim));
            }
            Assert.True(T.IsNaN(view.Sum(dim).ValueAt(0, 0)));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-3)]
    public void DimReductions_BadDim_ThrowNamingDimAndShape(int dim)
    {
        var t = new Tensor<T>(2, 3);
        foreach (var call in new Action[]
                 {
                     () => t.Sum(dim), () => t.Mean(dim), () => t.Prod(dim), () => t.Norm(V(2), dim), () => t.Var(dim),
                     () => t.Std(dim), () => t.Max(dim), () => t.Min(dim), () => t.ArgMax(dim), () => t.ArgMin(dim),
                 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("dim", e.ParamName);
            Assert.Contains(dim.ToString(), e.Message);
            Assert.Contains("[2, 3]", e.Message);
        }
    }

    [Fact]
    public void DimReductions_EmptyDimension_GiveIdentitiesOrThrowNamingOperationAndShape()
    {
        var t = new Tensor<T>(2, 0);
        Equal(new double[,] { { 0 }, { 0 } }, t.Sum(1));
        Equal(new double[,] { { 1 }, { 1 } }, t.Prod(1));
        Assert.Equal([1, 0], t.Sum(0).Size());
        foreach (var (name, call) in new (string, Action)[]
                 {
                     ("Mean", () => t.Mean(1)), ("Max", () => t.Max(1)), ("Min", () => t.Min(1)),
                     ("ArgMax", () => t.ArgMax(1)), ("Var", () => t.Var(1)), ("Std", () => t.Std(1)),
                 })
        {
            var e = Assert.Throws<InvalidOperationException>(call);
            Assert.Contains(name, e.Message);
            Assert.Contains("[2, 0]", e.Message);
        }
    }

    [Fact]
    public void Max_DimensionBeyondExactIndices_ThrowsForFloatOnly()
    {
        // 2^24 + 2 positions: index 2^24 + 1 is not a float. Stride 0, so no memory is spent.
        var t = Tensor<T>.Scalar(V(1)).Unsqueeze(0).Unsqueeze(0).Expand(1, 16777218);
        if (typeof(T) == typeof(float))
        {
            var e = Assert.Throws<ArgumentException>(() => t.Max(1));
            Assert.Equal("dim", e.ParamName);
            Assert.Contains("[1, 16777218]", e.Message);
        }
        else
        {
            Assert.Equal(T.Zero, t.Max(1).Indices[0, 0]);
        }
    }

    private static string Format(int[] sizes) => Shape.Format(sizes);
}

public sealed class TensorDimReductionTestsFloat : TensorDimReductionTests<float>;

public sealed class TensorDimReductionTestsDouble : TensorDimReductionTests<double>;
