using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public class TensorFactoryTests
{
    [Fact]
    public void Range_IncludesEnd()
    {
        Assert.Equal([1.0, 2, 3, 4], Tensor<double>.Range(1, 4).AsSpan().ToArray());
        Assert.Equal([0f, 0.5f, 1f], Tensor<float>.Range(0, 1, 0.5).AsSpan().ToArray());
        Assert.Equal([3.0, 1], Tensor<double>.Range(3, 1, -2).AsSpan().ToArray());
    }

    [Fact]
    public void Range_StepAwayFromEnd_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor<double>.Range(0, 5, -1));
        Assert.Equal("step", ex.ParamName);
    }

    [Fact]
    public void Eye_Rectangular_HasOnesOnDiagonal()
    {
        var e = Tensor<double>.Eye(2, 3);
        Assert.Equal([1.0, 0, 0, 0, 1, 0], e.AsSpan().ToArray());
    }

    [Fact]
    public void ZerosOnes_HaveShapeAndValues()
    {
        Assert.All(Tensor<float>.Ones(2, 3).AsSpan().ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Tensor<float>.Zeros(2, 3).AsSpan().ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal([2, 3], Tensor<float>.Ones(2, 3).Size());
    }

    [Fact]
    public void Rand_SameSeed_SameValuesInUnitInterval()
    {
        var a = Tensor<double>.Rand(new RandomGenerator(42), 50);
        var b = Tensor<double>.Rand(new RandomGenerator(42), 50);
        Assert.Equal(a.AsSpan().ToArray(), b.AsSpan().ToArray());
        Assert.All(a.AsSpan().ToArray(), v => Assert.InRange(v, 0.0, 1.0 - 1e-12));
        var c = Tensor<double>.Rand(new RandomGenerator(43), 50);
        Assert.NotEqual(a.AsSpan().ToArray(), c.AsSpan().ToArray());
    }

    [Fact]
    public void Rand_DrawsGeneratorStreamInRowMajorOrder()
    {
        var g = new RandomGenerator(7);
        double first = g.Uniform(), second = g.Uniform();
        var t = Tensor<double>.Rand(new RandomGenerator(7), 2, 1);
        Assert.Equal(first, t[0, 0]);
        Assert.Equal(second, t[1, 0]);
    }

    [Fact]
    public void Bernoulli_ProbabilityBounds()
    {
        Assert.All(Tensor<float>.Bernoulli(new RandomGenerator(1), 1.0, 20).AsSpan().ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Tensor<float>.Bernoulli(new RandomGenerator(1), 0.0, 20).AsSpan().ToArray(), v => Assert.Equal(0f, v));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor<float>.Bernoulli(new RandomGenerator(1), 1.5, 2));
        Assert.Equal("p", ex.ParamName);
    }

    [Fact]
    public void Bernoulli_Frequency_MatchesProbabilityOverTenThousandDraws()
    {
        double ones = Tensor<double>.Bernoulli(new RandomGenerator(9), 0.3, 10_000).Sum();
        Assert.InRange(ones, 3000 - 5 * 46, 3000 + 5 * 46); // mean 3000, sd √(10⁴·0.3·0.7) ≈ 46
    }

    [Fact]
    public void RandUniform_StaysInRange()
    {
        var t = new Tensor<double>(1000).RandUniform(new RandomGenerator(3), -2, 5);
        Assert.All(t.AsSpan().ToArray(), v => Assert.InRange(v, -2.0, 5.0));
    }

    [Fact]
    public void New_FromData_WrapsWithoutCopy()
    {
        double[] data = [1, 2, 3, 4];
        var t = new Tensor<double>(data, 2, 2);
        data[3] = 40;
        Assert.Equal(40.0, t[1, 1]);
    }

    [Fact]
    public void New_FromDataWrongCount_ThrowsWithSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<double>(new double[5], 2, 3));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("5", ex.Message);
    }
}
