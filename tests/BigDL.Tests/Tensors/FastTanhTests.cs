using BigDL.Tensors.Kernels;

namespace BigDL.Tests.Tensors;

/// <summary>The float tanh kernel against double-precision tanh: dense ranges on both sides of its switch point, edges.</summary>
public class FastTanhTests
{
    [Fact]
    public void Apply_DenseRange_StaysWithinTwoUnitsInTheLastPlace()
    {
        var x = new float[400_001];
        for (int i = 0; i < x.Length; i++) x[i] = (i - 200_000) * 5e-5f; // [-10, 10], through the switch at ±0.55
        var y = new float[x.Length];
        FastTanh.Apply(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Tanh(x[i]);
            double tolerance = 2 * Math.ScaleB(1.0, -23) * Math.Max(Math.Abs(expected), 1e-30);
            Assert.True(Math.Abs(y[i] - expected) <= tolerance, $"tanh({x[i]:R}) = {y[i]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Apply_TinyAndHugeValuesAndSpecials_AreExact()
    {
        float[] x = [0f, -0f, 1e-30f, -1e-20f, 20f, -40f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1e-3f, 3f];
        var y = new float[x.Length];
        FastTanh.Apply(x, y);
        Assert.Equal(0f, y[0]);
        Assert.True(float.IsNegative(y[1]) && y[1] == 0f, "tanh(-0) keeps the sign");
        Assert.Equal(1e-30f, y[2]);
        Assert.Equal(-1e-20f, y[3]);
        Assert.Equal(1f, y[4]);
        Assert.Equal(-1f, y[5]);
        Assert.Equal(1f, y[6]);
        Assert.Equal(-1f, y[7]);
        Assert.True(float.IsNaN(y[8]));
        Assert.Equal(Math.Tanh(1e-3), y[9], 1e-9);
        Assert.Equal(Math.Tanh(3), y[10], 1e-6);
    }

    [Fact]
    public void Apply_InPlaceAndEveryTailLength_MatchesMathFTanh()
    {
        for (int n = 0; n <= 19; n++)
        {
            var x = Enumerable.Range(0, n).Select(i => (i - 9) * 0.37f).ToArray();
            var expected = x.Select(MathF.Tanh).ToArray();
            FastTanh.Apply(x, x);
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], x[i], 1e-6f);
        }
    }
}
