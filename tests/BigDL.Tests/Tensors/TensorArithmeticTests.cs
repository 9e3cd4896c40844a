using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>Binary and ternary arithmetic, broadcasting and operators against element loops in double.</summary>
public abstract class TensorArithmeticTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateTruncating(x);

    private static Tensor<T> Of(int[] sizes, params double[] values) => new([.. values.Select(V)], sizes);

    private static void AssertElements(double[] expected, Tensor<T> actual, string context = "")
    {
        var got = Elements(actual);
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++) TensorPointwiseTests<T>.AssertClose(expected[i], got[i], $"{context}[{i}]");
    }

    public static TheoryData<string> Ops => new() { "Add", "AddAlpha", "Sub", "CMul", "CDiv", "CMax", "CMin" };

    private static (Func<Tensor<T>, Tensor<T>, Tensor<T>> Apply, Func<double, double, double> Oracle) Op(string name) => name switch
    {
        "Add" => ((a, b) => a.Add(b), (x, y) => x + y),
        "AddAlpha" => ((a, b) => a.Add(V(0.5), b), (x, y) => x + 0.5 * y),
        "Sub" => ((a, b) => a.Sub(b), (x, y) => x - y),
        "CMul" => ((a, b) => a.CMul(b), (x, y) => x * y),
        "CDiv" => ((a, b) => a.CDiv(b), (x, y) => x / y),
        "CMax" => ((a, b) => a.CMax(b), Math.Max),
        "CMin" => ((a, b) => a.CMin(b), Math.Min),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Ops))]
    public void InPlace_AllLayoutPairs_MatchElementLoop(string name)
    {
        var (apply, oracle) = Op(name);
        int[] sizes = [3, 4, 5];
        foreach (var (la, a) in Layouts<T>(sizes, seed: 3, low: 0.5, high: 2))
        {
            if (la == "expanded") continue;
            foreach (var (lb, b) in Layouts<T>(sizes, seed: 4, low: 0.5, high: 2))
            {
                var x = Elements(a);
                var y = Elements(b);
                var target = a.Clone();
                apply(target, b);
                AssertElements([.. x.Zip(y, oracle)], target, $"{name} {la}/{lb}");
            }
        }
    }

    [Fact]
    public void Add_Aliased_DoublesEveryElement()
    {
        var t = Tensor<T>.Range(1, 100000);
        t.Add(t);
        AssertElements([.. Enumerable.Range(1, 100000).Select(i => 2.0 * i)], t);
    }

    [Fact]
    public void Add_TransposedViewOfLargeTensor_WritesThroughTheView()
    {
        var baseTensor = Tensor<T>.Range(0, 299 * 301 - 1).View(299, 301);
        var expected = Elements(baseTensor.T()).Select(v => v + 1).ToArray();
        baseTensor.T().Add(T.One);
        AssertElements(expected, baseTensor.T());
    }

    [Fact]
    public void Add_RowVectorToMatrix_BroadcastsOverRows()
    {
        var m = Of([2, 3], 1, 2, 3, 4, 5, 6);
        m.Add(Of([3], 10, 20, 30));
        AssertElements([11, 22, 33, 14, 25, 36], m);
        m.Add(Of([2, 1], 100, 200));
        AssertElements([111, 122, 133, 214, 225, 236], m);
    }

    [Fact]
    public void Operators_ColumnPlusRow_BroadcastToMatrix()
    {
        var column = Of([3, 1], 1, 2, 3);
        var row = Of([1, 4], 10, 20, 30, 40);
        var sum = column + row;
        Assert.Equal([3, 4], sum.Size());
        AssertElements([11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43], sum);
        AssertElements([-9, -19, -29, -39, -8, -18, -28, -38, -7, -17, -27, -37], column - row);
        AssertElements([0.1, 0.05, 1 / 30.0, 0.025, 0.2, 0.1, 2 / 30.0, 0.05, 0.3, 0.15, 0.1, 0.075], column / row);
        AssertElements([1, 2, 3], column, "operands unchanged");
    }

    [Fact]
    public void Operators_VectorAndThreeDims_BroadcastLeadingDims()
    {
        var cube = Tensor<T>.Ones(2, 3, 4);
        var sum = cube + Of([4], 1, 2, 3, 4);
        Assert.Equal([2, 3, 4], sum.Size());
        AssertElements([.. Enumerable.Range(0, 24).Select(i => 2.0 + i % 4)], sum);
    }

    [Fact]
    public void Operators_Scalars_MatchElementLoop()
    {
        var t = Of([2, 2], 1, 2, 4, 8);
        AssertElements([3, 4, 6, 10], t + V(2));
        AssertElements([3, 4, 6, 10], V(2) + t);
        AssertElements([-1, 0, 2, 6], t - V(2));
        AssertElements([1, 0, -2, -6], V(2) - t);
        AssertElements([3, 6, 12, 24], t * V(3));
        AssertElements([3, 6, 12, 24], V(3) * t);
        AssertElements([0.5, 1, 2, 4], t / V(2));
        AssertElements([8, 4, 2, 1], V(8) / t);
        AssertElements([-1, -2, -4, -8], -t);
    }

    [Fact]
    public void AddCMulAndAddCDiv_LengthsAcrossVectorTails_MatchElementLoop()
    {
        foreach (int n in new[] { 1, 3, 4, 5, 8, 9, 17, 70_001 })
        {
            var g = new RandomGenerator((ulong)n);
            var x = new Tensor<T>(n).RandUniform(g, -1, 1);
            var y = new Tensor<T>(n).RandUniform(g, -1, 1);
            var z = new Tensor<T>(n).RandUniform(g, 0.5, 2);
            double[] ex = Elements(x), ey = Elements(y), ez = Elements(z);
            AssertElements([.. ex.Select((v, i) => v + 0.3 * ey[i] * ez[i])], x.Clone().AddCMul(V(0.3), y, z), $"addcmul n={n}");
            AssertElements([.. ex.Select((v, i) => v - 2 * ey[i] / ez[i])], x.Clone().AddCDiv(V(-2), y, z), $"addcdiv n={n}");
        }
    }

    [Fact]
    public void AddCMul_TransposedOperands_MatchElementLoop()
    {
        var g = new RandomGenerator(5);
        var x = new Tensor<T>(4, 6).RandUniform(g, -1, 1);
        var y = new Tensor<T>(6, 4).RandUniform(g, -1, 1).T();
        var z = new Tensor<T>(6).RandUniform(g, -1, 1);
        var ex = Elements(x);
        var ey = Elements(y);
        var ez = Elements(z);
        x.AddCMul(V(2), y, z);
        AssertElements([.. ex.Select((v, i) => v + 2 * ey[i] * ez[i % 6])], x);
    }

    [Fact]
    public void SourceForms_WriteIntoResizedDestination()
    {
        var x = Of([2, 2], 1, 2, 3, 4);
        var y = Of([2], 10, 20);
        var z = new Tensor<T>(1);
        z.Add(x, V(2), y);
        Assert.Equal([2, 2], z.Size());
        AssertElements([21, 42, 23, 44], z);
        AssertElements([10, 40, 30, 80], new Tensor<T>().CMul(x, y));
        AssertElements([0.1, 0.1, 0.3, 0.2], new Tensor<T>().CDiv(x, y));
        AssertElements([3, 6, 9, 12], new Tensor<T>().Mul(x, V(3)));
    }

    [Fact]
    public void Add_NotBroadcastable_ThrowsNamingOtherAndBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 3).Add(new Tensor<T>(4)));
        Assert.Equal("other", e.ParamName);
        Assert.Contains("[4]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void Add_OtherLargerThanThis_ThrowsBecauseThisShapeNeverChanges()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<T>(1, 3).Add(new Tensor<T>(2, 3)));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[1, 3]", e.Message);
    }

    [Fact]
    public void Operator_NotBroadcastable_ThrowsWithBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 3) + new Tensor<T>(3, 2));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[3, 2]", e.Message);
    }
}

public sealed class TensorArithmeticTestsFloat : TensorArithmeticTests<float>;

public sealed class TensorArithmeticTestsDouble : TensorArithmeticTests<double>;
