using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

/// <summary>Matrix and vector products against naive loops, over every operand layout.</summary>
public abstract class TensorLinearAlgebraTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly double Tolerance = typeof(T) == typeof(float) ? 1e-4 : 1e-11;

    private static T V(double x) => T.CreateChecked(x);

    /// <summary>A matrix with distinct, seeded values.</summary>
    private static Tensor<T> Rand(int seed, params int[] sizes) => Tensor<T>.Rand(new RandomGenerator((ulong)seed), sizes).Apply(x => x - V(0.5));

    /// <summary>The same values in the requested layout: 0 contiguous, 1 transposed view, 2 narrowed out of a bigger matrix, 3 columns with step 2.</summary>
    private static Tensor<T> InLayout(Tensor<T> m, int layout)
    {
        int r = m.Size(0), c = m.Size(1);
        switch (layout)
        {
            case 1:
                return new Tensor<T>(c, r).Copy(m.T()).T();
            case 2:
                var big = new Tensor<T>(r + 2, c + 3).Fill(T.NaN);
                return big.Narrow(0, 1, r).Narrow(1, 2, c).Copy(m);
            case 3:
                var wide = new Tensor<T>(r, 2 * c).Fill(T.NaN);
                return wide.Unfold(1, 1, 2).Select(2, 0).Copy(m);
            default:
                return m.Clone();
        }
    }

    private static double[,] NaiveMM(Tensor<T> a, Tensor<T> b)
    {
        int m = a.Size(0), k = a.Size(1), n = b.Size(1);
        var r = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += double.CreateChecked(a[i, p]) * double.CreateChecked(b[p, j]);
                r[i, j] = s;
            }
        return r;
    }

    private static void AssertClose(double expected, T actual)
    {
        double a = double.CreateChecked(actual);
        Assert.True(Math.Abs(expected - a) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {a}");
    }

    public static TheoryData<int, int, int> LayoutPairs()
    {
        var data = new TheoryData<int, int, int>();
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                for (int c = 0; c < 4; c++)
                    data.Add(a, b, c);
        return data;
    }

    [Fact]
    public void MM_HandComputed_MatchesValues()
    {
        var a = new Tensor<T>([V(1), V(2), V(3), V(4), V(5), V(6)], 2, 3);
        var b = new Tensor<T>([V(7), V(8), V(9), V(10), V(11), V(12)], 3, 2);
        var c = new Tensor<T>().MM(a, b);
        Assert.Equal([2, 2], c.Size());
        Assert.Equal([V(58), V(64), V(139), V(154)], c.AsSpan().ToArray());
    }

    [Theory]
    [MemberData(nameof(LayoutPairs))]
    public void AddMM_AnyLayouts_MatchesNaiveLoop(int layoutA, int layoutB, int layoutC)
    {
        var a0 = Rand(1, 4, 5);
        var b0 = Rand(2, 5, 3);
        var c0 = Rand(3, 4, 3);
        var a = InLayout(a0, layoutA);
        var b = InLayout(b0, layoutB);
        var c = InLayout(c0, layoutC);
        c.AddMM(V(0.5), V(2), a, b);
        var ab = NaiveMM(a0, b0);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
                AssertClose(0.5 * double.CreateChecked(c0[i, j]) + 2 * ab[i, j], c[i, j]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MM_IntoView_WritesThroughWithoutChangingLayout(int layoutC)
    {
        var a = Rand(4, 3, 2);
        var b = Rand(5, 2, 4);
        var c = InLayout(new Tensor<T>(3, 4), layoutC);
        int[] strides = c.Stride();
        var storage = c.Storage;
        c.MM(a, b);
        Assert.Equal(strides, c.Stride());
        Assert.Same(storage, c.Storage);
        var ab = NaiveMM(a, b);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                AssertClose(ab[i, j], c[i, j]);
    }

    [Fact]
    public void AddMM_BetaZero_IgnoresNaNInOutput()
    {
        var c = new Tensor<T>(2, 2).Fill(T.NaN);
        c.AddMM(T.Zero, T.One, Tensor<T>.Eye(2), Tensor<T>.Ones(2, 2));
        Assert.All(c.AsSpan().ToArray(), v => Assert.Equal(T.One, v));
    }

    [Fact]
    public void AddMM_OutputAliasesInput_UsesOldValues()
    {
        var x = Rand(6, 3, 3);
        var x0 = x.Clone();
        x.AddMM(T.One, T.One, x, x); // x = x + x·x
        var xx = NaiveMM(x0, x0);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                AssertClose(double.CreateChecked(x0[i, j]) + xx[i, j], x[i, j]);
    }

    [Fact]
    public void MM_OutputAliasesTransposedInput_IsCorrect()
    {
        var x = Rand(7, 3, 3);
        var x0 = x.Clone();
        x.MM(x.T(), x0);
        var expected = NaiveMM(x0.T(), x0);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                AssertClose(expected[i, j], x[i, j]);
    }

    [Fact]
    public void MM_EmptyInnerDimension_GivesZeros()
    {
        var c = new Tensor<T>(2, 2).Fill(T.NaN).MM(new Tensor<T>(2, 0), new Tensor<T>(0, 2));
        Assert.All(c.AsSpan().ToArray(), v => Assert.Equal(T.Zero, v));
    }

    [Fact]
    public void MM_ExpandedOperand_MatchesNaiveLoop()
    {
        var row = Rand(8, 1, 4);
        var a = row.Expand(3, 4); // stride 0 rows
        var b = Rand(9, 4, 2);
        var c = new Tensor<T>().MM(a, b);
        var expected = NaiveMM(a.Clone(), b);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++)
                AssertClose(expected[i, j], c[i, j]);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void AddMV_AnyLayouts_MatchesNaiveLoop(int layoutMat, bool stridedVectors)
    {
        var m0 = Rand(10, 4, 3);
        var mat = InLayout(m0, layoutMat);
        var v0 = Rand(11, 3, 1).Select(1, 0).Clone();
        var y0 = Rand(12, 4, 1).Select(1, 0).Clone();
        var vec = stridedVectors ? new Tensor<T>(3, 2).Select(1, 1).Copy(v0) : v0.Clone();
        var y = stridedVectors ? new Tensor<T>(4, 3).Select(1, 2).Copy(y0) : y0.Clone();
        y.AddMV(V(-1), V(3), mat, vec);
        for (int i = 0; i < 4; i++)
        {
            double s = 0;
            for (int j = 0; j < 3; j++) s += double.CreateChecked(m0[i, j]) * double.CreateChecked(v0[j]);
            AssertClose(-double.CreateChecked(y0[i]) + 3 * s, y[i]);
        }
    }

    [Fact]
    public void MV_HandComputed_ResizesResult()
    {
        var mat = new Tensor<T>([V(1), V(2), V(3), V(4), V(5), V(6)], 2, 3);
        var vec = new Tensor<T>([V(1), V(0), V(-1)], 3);
        var y = new Tensor<T>(7).MV(mat, vec);
        Assert.Equal([2], y.Size());
        Assert.Equal([V(-2), V(-2)], y.AsSpan().ToArray());
    }

    [Fact]
    public void MV_OutputAliasesVector_IsCorrect()
    {
        var mat = new Tensor<T>([V(0), V(1), V(1), V(0)], 2, 2);
        var v = new Tensor<T>([V(3), V(4)], 2);
        v.MV(mat, v);
        Assert.Equal([V(4), V(3)], v.AsSpan().ToArray());
    }

    [Fact]
    public void Dot_AnyShapesSameCount_SumsRowMajorProducts()
    {
        var a = new Tensor<T>([V(1), V(2), V(3), V(4), V(5), V(6)], 2, 3);
        var b = new Tensor<T>([V(1), V(1), V(2), V(2), V(3), V(3)], 3, 2);
        Assert.Equal(V(1 + 2 + 6 + 8 + 15 + 18), a.Dot(b));
        // transposed: row-major order of a.T() is 1,4,2,5,3,6
        Assert.Equal(V(1 + 4 + 4 + 10 + 9 + 18), a.T().Dot(b));
        // strided 1-D
        Assert.Equal(V(1 * 2 + 4 * 5), a.Select(1, 0).Dot(a.Select(1, 1)));
    }

    [Fact]
    public void AddR_HandComputed_AddsOuterProduct()
    {
        var m = Tensor<T>.Ones(2, 3);
        m.AddR(V(2), V(1), new Tensor<T>([V(1), V(2)], 2), new Tensor<T>([V(1), V(10), V(100)], 3));
        Assert.Equal([V(3), V(12), V(102), V(4), V(22), V(202)], m.AsSpan().ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AddR_AnyOutputLayout_MatchesNaiveLoop(int layout)
    {
        var c0 = Rand(13, 3, 4);
        var c = InLayout(c0, layout);
        var x = new Tensor<T>(3, 2).Select(1, 1).Copy(Rand(14, 3, 1).View(3));
        var y = Rand(15, 4, 1).View(4);
        c.AddR(V(0.5), V(-2), x, y);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                AssertClose(0.5 * double.CreateChecked(c0[i, j]) - 2 * double.CreateChecked(x[i]) * double.CreateChecked(y[j]), c[i, j]);
    }

    [Fact]
    public void AddR_BetaZero_IgnoresNaN()
    {
        var m = new Tensor<T>(2, 2).Fill(T.NaN).AddR(T.Zero, T.One, Tensor<T>.Ones(2), Tensor<T>.Ones(2));
        Assert.All(m.AsSpan().ToArray(), v => Assert.Equal(T.One, v));
    }

    [Fact]
    public void BMM_TransposedAndExpandedBatches_MatchesPerBatchMM()
    {
        var b1 = Rand(16, 3, 2, 4);
        var b2 = Rand(17, 3, 5, 4).Transpose(1, 2); // 3×4×5, transposed per batch
        var shared = Rand(18, 1, 4, 5).Expand(3, 4, 5);
        foreach (var right in new[] { b2, shared })
        {
            var r = new Tensor<T>().BMM(b1, right);
            Assert.Equal([3, 2, 5], r.Size());
            for (int i = 0; i < 3; i++)
            {
                var expected = NaiveMM(b1.Select(0, i), right.Select(0, i));
                for (int p = 0; p < 2; p++)
                    for (int q = 0; q < 5; q++)
                        AssertClose(expected[p, q], r[i, p, q]);
            }
        }
    }

    [Fact]
    public void BAddBMM_TransposedOutput_MatchesNaiveLoop()
    {
        var b1 = Rand(19, 2, 3, 4);
        var b2 = Rand(20, 2, 4, 3);
        var c0 = Rand(21, 2, 3, 3);
        var c = new Tensor<T>(2, 3, 3).Copy(c0.Transpose(1, 2)).Transpose(1, 2);
        c.BAddBMM(V(2), V(0.5), b1, b2);
        for (int i = 0; i < 2; i++)
        {
            var expected = NaiveMM(b1.Select(0, i), b2.Select(0, i));
            for (int p = 0; p < 3; p++)
                for (int q = 0; q < 3; q++)
                    AssertClose(2 * double.CreateChecked(c0[i, p, q]) + 0.5 * expected[p, q], c[i, p, q]);
        }
    }

    [Fact]
    public void Multiply_MatrixMatrix_IsMM()
    {
        var a = new Tensor<T>([V(1), V(2), V(3), V(4)], 2, 2);
        var r = a * a;
        Assert.Equal([V(7), V(10), V(15), V(22)], r.AsSpan().ToArray());
    }

    [Fact]
    public void Multiply_MatrixVector_IsMV()
    {
        var a = new Tensor<T>([V(1), V(2), V(3), V(4)], 2, 2);
        var r = a * new Tensor<T>([V(1), V(1)], 2);
        Assert.Equal([2], r.Size());
        Assert.Equal([V(3), V(7)], r.AsSpan().ToArray());
    }

    [Fact]
    public void Multiply_VectorVector_IsScalarDotNotElementWise()
    {
        var r = new Tensor<T>([V(1), V(2), V(3)], 3) * new Tensor<T>([V(4), V(5), V(6)], 3);
        Assert.True(r.IsScalar);
        Assert.Equal(V(32), r.Value());
    }

    [Fact]
    public void MM_InnerMismatch_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>().MM(new Tensor<T>(2, 3), new Tensor<T>(4, 5)));
        Assert.Equal("b", ex.ParamName);
        Assert.Contains("MM: a is [2, 3] but b is [4, 5]; a's columns (3) must equal b's rows (4)", ex.Message);
    }

    [Fact]
    public void MM_NotAMatrix_ThrowsNamingArgumentAndShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>().MM(new Tensor<T>(2, 3, 4), new Tensor<T>(4, 5)));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("[2, 3, 4]", ex.Message);
    }

    [Fact]
    public void AddMM_WrongOutputShape_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 2).AddMM(new Tensor<T>(2, 3), new Tensor<T>(3, 4)));
        Assert.Contains("[2, 2]", ex.Message);
        Assert.Contains("[2, 4]", ex.Message);
    }

    [Fact]
    public void MV_LengthMismatch_ThrowsNamingVec()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>().MV(new Tensor<T>(2, 3), new Tensor<T>(4)));
        Assert.Equal("vec", ex.ParamName);
        Assert.Contains("mat is [2, 3] but vec is [4]", ex.Message);
    }

    [Fact]
    public void BMM_BatchMismatch_ThrowsNamingBatch2()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>().BMM(new Tensor<T>(2, 3, 4), new Tensor<T>(3, 4, 5)));
        Assert.Equal("batch2", ex.ParamName);
        Assert.Contains("[2, 3, 4]", ex.Message);
        Assert.Contains("[3, 4, 5]", ex.Message);
    }

    [Fact]
    public void AddR_WrongOutputShape_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>(3, 3).AddR(new Tensor<T>(3), new Tensor<T>(2)));
        Assert.Contains("[3, 3]", ex.Message);
        Assert.Contains("[3, 2]", ex.Message);
    }

    [Fact]
    public void Dot_CountMismatch_ThrowsNamingOther()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 3).Dot(new Tensor<T>(5)));
        Assert.Equal("other", ex.ParamName);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[5]", ex.Message);
    }

    [Fact]
    public void Multiply_ThreeDims_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 2, 2) * new Tensor<T>(2, 2));
        Assert.Contains("[2, 2, 2]", ex.Message);
    }
}

public sealed class TensorLinearAlgebraTestsFloat : TensorLinearAlgebraTests<float>;

public sealed class TensorLinearAlgebraTestsDouble : TensorLinearAlgebraTests<double>;
