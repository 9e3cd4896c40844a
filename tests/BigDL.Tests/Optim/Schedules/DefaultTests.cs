using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class DefaultTests
{
    [Fact]
    public void Rates_WithDecay_AreLearningRateOverOnePlusIterationTimesDecay()
        // 0.1/(1 + 0.5n) for n = 0, 1, 2, 3.
        => AssertRates([0.1, 0.1 / 1.5, 0.05, 0.04], Rates(new Default(), 4, learningRateDecay: 0.5));

    [Fact]
    public void Rates_WithoutDecay_AreConstant() => AssertRates([0.1, 0.1, 0.1], Rates(new Default(), 3));

    [Fact]
    public void ToString_IsTheBigDLName() => Assert.Equal("Default()", new Default().ToString());
}
