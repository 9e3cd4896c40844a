using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Unary math against Math.* computed element by element in double, on every layout and on lengths that cross vector tails.</summary>
public abstract class TensorPointwiseTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly bool IsFloat = typeof(T) == typeof(float);

    public static TheoryData<string> Ops => new() { "Exp", "Log", "Log1p", "Sqrt", "Abs", "Neg", "Tanh", "Sigmoid", "Square", "Pow3", "Floor", "Ceil", "Round", "Sign", "Clamp", "AddScalar", "MulScalar", "DivScalar", "CMaxScalar" };

    private static (Func<Tensor<T>, Tensor<T>> Apply, Func<double, double> Oracle, double Low, double High) Op(string name) => name switch
    {
        "Exp" => (t => t.Exp(), Math.Exp, -5, 5),
        "Log" => (t => t.Log(), Math.Log, 0.01, 10),
        "Log1p" => (t => t.Log1p(), x => Math.Log(1 + x), -0.5, 3),
        "Sqrt" => (t => t.Sqrt(), Math.Sqrt, 0, 9),
        "Abs" => (t => t.Abs(), Math.Abs, -3, 3),
        "Neg" => (t => t.Neg(), x => -x, -3, 3),
        "Tanh" => (t => t.Tanh(), Math.Tanh, -4, 4),
        "Sigmoid" => (t => t.Sigmoid(), x => 1 / (1 + Math.Exp(-x)), -6, 6),
        "Square" => (t => t.Square(), x => x * x, -3, 3),
        "Pow3" => (t => t.Pow(T.CreateTruncating(3)), x => x * x * x, -2, 2),
        "Floor" => (t => t.Floor(), Math.Floor, -5, 5),
        "Ceil" => (t => t.Ceil(), Math.Ceiling, -5, 5),
        "Round" => (t => t.Round(), x => Math.Round(x, MidpointRounding.AwayFromZero), -5, 5),
        "Sign" => (t => t.Sign(), x => Math.Sign(x), -2, 2),
        "Clamp" => (t => t.Clamp(T.CreateTruncating(-0.5), T.CreateTruncating(0.75)), x => Math.Clamp(x, -0.5, 0.75), -2, 2),
        "AddScalar" => (t => t.Add(T.CreateTruncating(1.5)), x => x + 1.5, -2, 2),
        "MulScalar" => (t => t.Mul(T.CreateTruncating(-2.5)), x => x * -2.5, -2, 2),
        "DivScalar" => (t => t.Div(T.CreateTruncating(4)), x => x / 4, -2, 2),
        "CMaxScalar" => (t => t.CMax(T.CreateTruncating(0.25)), x => Math.Max(x, 0.25), -2, 2),
        _ => throw new ArgumentException(name),
    };

    internal static void AssertClose(double expected, double actual, string context)
    {
        double tolerance = (IsFloat ? 2e-6 : 1e-13) * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{context}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void InPlace_EveryLayout_MatchesMathElementByElement(string name)
    {
        var (apply, oracle, low, high) = Op(name);
        foreach (var sizes in new[] { new[] { 3, 5 }, new[] { 2, 3, 4 } })
        {
            foreach (var (layout, t) in Layouts<T>(sizes, seed: 11, low, high))
            {
                if (layout == "expanded") continue; // writing in place through stride 0 is undefined, as in Torch
                var before = Elements(t);
                var returned = apply(t);
                Assert.Same(t, returned);
                var after = Elements(t);
                for (int i = 0; i < before.Length; i++) AssertClose(oracle(before[i]), after[i], $"{name} {layout} [{i}] of {before[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void InPlace_LengthsAcrossVectorTailsAndThreads_MatchMath(string name)
    {
        var (apply, oracle, low, high) = Op(name);
        foreach (int n in new[] { 1, 7, 8, 9, 31, 33, 1000, 70_001 })
        {
            var t = new Tensor<T>(n).RandUniform(new RandomGenerator((ulong)n), low, high);
            var before = Elements(t);
            var after = Elements(apply(t));
            for (int i = 0; i < n; i++) AssertClose(oracle(before[i]), after[i], $"{name} n={n} [{i}]");
        }
    }

    [Fact]
    public void SourceForm_WritesIntoThisResized_LeavesSourceUnchanged()
    {
        var x = new Tensor<T>([T.One, T.CreateTruncating(4), T.CreateTruncating(9)], 3);
        var y = new Tensor<T>(7, 2);
        var returned = y.Sqrt(x);
        Assert.Same(y, returned);
        Assert.Equal([3], y.Size());
        Assert.Equal([1.0, 2, 3], Elements(y));
        Assert.Equal([1.0, 4, 9], Elements(x));
    }

    [Fact]
    public void Round_Halves_GoAwayFromZeroAsTorch()
    {
        var t = new Tensor<T>([.. new[] { 2.5, -2.5, 0.5, -0.5, 1.4, 3.5 }.Select(T.CreateTruncating)], 6).Round();
        Assert.Equal([3.0, -3, 1, -1, 1, 4], Elements(t));
    }

    [Fact]
    public void Sign_OfZeroAndNaN_IsZeroAndNaN()
    {
        var t = new Tensor<T>([T.Zero, T.NaN, -T.CreateTruncating(0.1)], 3).Sign();
        Assert.Equal(0.0, double.CreateTruncating(t[0]));
        Assert.True(T.IsNaN(t[1]));
        Assert.Equal(-1.0, double.CreateTruncating(t[2]));
    }

    [Fact]
    public void Clamp_MinAboveMax_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<T>(2).Clamp(T.One, T.Zero));
        Assert.Equal("min", e.ParamName);
        Assert.Contains("min 1", e.Message);
        Assert.Contains("max 0", e.Message);
    }

    [Fact]
    public void ScalarTensor_UnaryAndComparison_KeepZeroDims()
    {
        var s = Tensor<T>.Scalar(T.CreateTruncating(4)).Sqrt();
        Assert.Equal(0, s.Dim());
        Assert.Equal(2.0, double.CreateTruncating(s.Value()));
        var mask = s.Gt(T.One);
        Assert.True(mask.IsScalar);
        Assert.Equal(1.0, double.CreateTruncating(mask.Value()));
    }
}

public sealed class TensorPointwiseTestsFloat : TensorPointwiseTests<float>;

public sealed class TensorPointwiseTestsDouble : TensorPointwiseTests<double>;
