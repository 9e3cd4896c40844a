// Namespace BigDL.Tests (not BigDL.Tests.Engine): RandomGenerator lives in namespace BigDL, and a namespace named
// Engine would hide the BigDL.Engine class from every test in BigDL.Tests.*.
namespace BigDL.Tests;

public class RandomGeneratorTests
{
    [Fact]
    public void NextUInt32_Seed5489_GivesReferenceMT19937Outputs()
    {
        // The reference MT19937 (Matsumoto & Nishimura, init_genrand(5489)) starts with these words.
        var g = new RandomGenerator(5489);
        uint[] expected = [3499211612u, 581869302u, 3890346734u, 3586334585u, 545404204u];
        foreach (uint e in expected) Assert.Equal(e, g.NextUInt32());
    }

    [Fact]
    public void NextUInt32_Seed5489_TenThousandthOutputMatchesReference()
    {
        // C++11 requires the 10000th output of a default-constructed std::mt19937 (seed 5489) to be 4123659995.
        var g = new RandomGenerator(5489);
        uint last = 0;
        for (int i = 0; i < 10000; i++) last = g.NextUInt32();
        Assert.Equal(4123659995u, last);
    }

    [Fact]
    public void SetSeed_RestartsStream()
    {
        var g = new RandomGenerator(11);
        double a = g.Uniform();
        g.Uniform();
        g.SetSeed(11);
        Assert.Equal(a, g.Uniform());
        Assert.Equal(11ul, g.Seed);
    }

    [Fact]
    public void Uniform_IsWordDividedByTwoToThe32()
    {
        var a = new RandomGenerator(99);
        var b = new RandomGenerator(99);
        Assert.Equal(a.NextUInt32() / 4294967296.0, b.Uniform());
    }

    [Fact]
    public void Normal_HundredThousandDraws_HaveRequestedMeanAndStd()
    {
        var g = new RandomGenerator(2024);
        const int n = 100_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = g.Normal(3, 2);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double std = Math.Sqrt(sumSq / n - mean * mean);
        // standard error of the mean is 2/sqrt(1e5) ≈ 0.0063; of the std ≈ 0.0045: 5 sigma bounds
        Assert.InRange(mean, 3 - 0.032, 3 + 0.032);
        Assert.InRange(std, 2 - 0.023, 2 + 0.023);
    }

    [Fact]
    public void Normal_NonPositiveStd_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomGenerator(1).Normal(0, 0));
        Assert.Equal("stdv", ex.ParamName);
    }

    [Fact]
    public void Bernoulli_Frequency_MatchesProbability()
    {
        var g = new RandomGenerator(5);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) if (g.Bernoulli(0.3)) hits++;
        Assert.InRange(hits, 30_000 - 800, 30_000 + 800); // sd ≈ 145
    }
}
