using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Whole-tensor reductions: Sum, Mean, Prod, Max, Min, Norm, Var, Std.</summary>
public abstract class TensorReductionTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Matrix(double[,] values)
    {
        var t = new Tensor<T>(values.GetLength(0), values.GetLength(1));
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++) t[i, j] = V(values[i, j]);
        return t;
    }

    private static Tensor<T> Vector(params double[] values) => new(values.Select(V).ToArray(), values.Length);

    [Fact]
    public void WholeReductions_HandCheckedMatrix_MatchHandValues()
    {
        var t = Matrix(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });
        Assert.Equal(V(21), t.Sum());
        Assert.Equal(V(3.5), t.Mean());
        Assert.Equal(V(720), t.Prod());
        Assert.Equal(V(6), t.Max());
        Assert.Equal(V(1), t.Min());
        Assert.Equal(V(21), t.Norm(V(1)));
        Close(Math.Sqrt(91), t.Norm(), "Norm()");
        Close(Math.Pow(1 + 125 + 27 + 64 + 8 + 216, 1.0 / 3), t.Norm(V(3)), "Norm(3)");
        Assert.Equal(V(6), t.Norm(T.PositiveInfinity));
        // Deviations from 3.5: 6.25 + 2.25 + 0.25 + 0.25 + 2.25 + 6.25 = 17.5.
        Close(17.5 / 5, t.Var(), "Var()");
        Close(17.5 / 6, t.Var(unbiased: false), "Var(biased)");
        Close(Math.Sqrt(17.5 / 5), t.Std(), "Std()");
        Close(Math.Sqrt(17.5 / 6), t.Std(unbiased: false), "Std(biased)");
    }

    public static TheoryData<int[]> Shapes => new() { new[] { 37 }, new[] { 3, 4, 5 }, new[] { 2, 3, 4, 5 }, new[] { 130, 70 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void WholeReductions_EveryLayout_MatchNaiveLoops(int[] sizes)
    {
        foreach (var (layout, t) in Layouts<T>(sizes, seed: 11))
        {
            var x = Elements(t);
            Close(Sum(x), t.Sum(), $"{layout} Sum");
            Close(Sum(x) / x.Length, t.Mean(), $"{layout} Mean");
            Close(Prod(x), t.Prod(), $"{layout} Prod");
            Assert.Equal(V(x.Max()), t.Max());
            Assert.Equal(V(x.Min()), t.Min());
            foreach (double p in new[] { 1, 2, 3, 0.5, double.PositiveInfinity })
                Close(Norm(x, p), t.Norm(V(p)), $"{layout} Norm({p})");
            Close(Var(x, true), t.Var(), $"{layout} Var");
            Close(Var(x, false), t.Var(false), $"{layout} Var(biased)");
            Close(Math.Sqrt(Var(x, true)), t.Std(), $"{layout} Std");
        }
    }

    [Fact]
    public void Sum_EveryLengthAndOffset_MatchesNaiveLoop()
    {
        var buffer = new Tensor<T>(80).RandUniform(new RandomGenerator(3), -1, 1);
        for (int offset = 0; offset < 4; offset++)
        {
            for (int n = 0; n <= 76; n++)
            {
                var t = buffer.Narrow(0, offset, n);
                var x = Elements(t);
                Close(Sum(x), t.Sum(), $"Sum of {n} at {offset}");
                Close(Norm(x, 2), t.Norm(), $"Norm of {n} at {offset}");
                Close(Prod(x), t.Prod(), $"Prod of {n} at {offset}");
                if (n >= 2) Close(Var(x, true), t.Var(), $"Var of {n} at {offset}");
            }
        }
    }

    [Fact]
    public void Sum_FloatBigAndSmallValues_AccumulatesInDouble()
    {
        // 2^24 + 1 is not a float: adding ones one at a time in float would stay at 2^24.
        var values = new double[40];
        values[0] = 16777216;
        for (int i = 1; i < values.Length; i++) values[i] = 1;
        var t = Vector(values);
        Assert.Equal(V(16777216 + 39), t.Sum());
        var strided = new Tensor<T>(40, 2).Select(1, 0).Copy(t);
        Assert.Equal(V(16777216 + 39), strided.Sum());
        Assert.Equal(V(16777216 + 39), t.Norm(V(1)));
    }

    [Fact]
    public void Var_LargeOffset_IsNumericallyStable()
    {
        // Values 1e4 + {0, 1, 2, 3}: a one-pass Σx² − n·mean² in float would lose every digit.
        var t = Vector(10000, 10001, 10002, 10003, 10000, 10001, 10002, 10003);
        // Deviations from 10001.5: 2 × (2.25 + 0.25 + 0.25 + 2.25) = 10.
        Close(10.0 / 7, t.Var(), "Var");
    }

    [Fact]
    public void Reductions_EmptyTensor_GiveIdentitiesOrThrowNamingOperationAndShape()
    {
        var t = new Tensor<T>(0, 3);
        Assert.Equal(T.Zero, t.Sum());
        Assert.Equal(T.One, t.Prod());
        Assert.Equal(T.Zero, t.Norm());
        Assert.Equal(T.Zero, new Tensor<T>().Sum());
        foreach (var (name, call) in new (string, Action)[]
                 {
                     ("Mean", () => t.Mean()), ("Max", () => t.Max()), ("Min", () => t.Min()),
                     ("Var", () => t.Var()), ("Std", () => t.Std()),
                 })
        {
            var e = Assert.Throws<InvalidOperationException>(call);
            Assert.Contains(name, e.Message);
            Assert.Contains("[0, 3]", e.Message);
        }
    }

    [Fact]
    public void Reductions_ScalarTensor_ReduceTheOneValue()
    {
        var t = Tensor<T>.Scalar(V(-3));
        Assert.Equal(V(-3), t.Sum());
        Assert.Equal(V(-3), t.Mean());
        Assert.Equal(V(-3), t.Max());
        Assert.Equal(V(3), t.Norm());
        Assert.True(T.IsNaN(t.Var()));
        Assert.Equal(T.Zero, t.Var(unbiased: false));
    }

    [Fact]
    public void Reductions_NaNInContiguousOrStridedInput_Propagate()
    {
        var t = Matrix(new double[,] { { 1, double.NaN, 3 }, { 4, 5, 6 } });
        foreach (var view in new[] { t, t.T() })
        {
            Assert.True(T.IsNaN(view.Max()));
            Assert.True(T.IsNaN(view.Min()));
            Assert.True(T.IsNaN(view.Sum()));
            Assert.True(T.IsNaN(view.Norm(T.PositiveInfinity)));
            Assert.True(T.IsNaN(view.Var()));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Norm_OrderNotPositive_ThrowsNamingP(double p)
    {
        var t = Vector(1, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t.Norm(V(p)));
        Assert.Equal("p", e.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => t.Norm(V(p), 0));
        Assert.Equal("p", e2.ParamName);
    }
}

public sealed class TensorReductionTestsFloat : TensorReductionTests<float>;

public sealed class TensorReductionTestsDouble : TensorReductionTests<double>;
