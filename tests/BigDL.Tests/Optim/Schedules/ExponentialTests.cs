using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class ExponentialTests
{
    [Fact]
    public void Rates_DecaySmoothly()
        // 0.1·0.5^(n/2) for n = 0…3.
        => AssertRates([0.1, 0.1 * Math.Sqrt(0.5), 0.05, 0.05 * Math.Sqrt(0.5)], Rates(new Exponential(2, 0.5), 4));

    [Fact]
    public void Rates_StairCase_DecayInSteps()
        => AssertRates([0.1, 0.1, 0.05, 0.05, 0.025], Rates(new Exponential(2, 0.5, stairCase: true), 5));

    [Fact]
    public void Constructor_NegativeDecayRate_Throws()
        => Assert.Equal("decayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Exponential(2, -0.5)).ParamName);

    [Fact]
    public void ToString_ListsArguments()
        => Assert.Equal("Exponential(decayStep: 2, decayRate: 0.5, stairCase: False)", new Exponential(2, 0.5).ToString());
}
