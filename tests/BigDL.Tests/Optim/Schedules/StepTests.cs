using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class StepTests
{
    [Fact]
    public void Rates_HalveEveryThreeIterations()
        // 0.1·0.5^⌊n/3⌋ for n = 0…7.
        => AssertRates([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025], Rates(new Step(3, 0.5), 8));

    [Fact]
    public void Constructor_NonPositiveStepSize_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Step(0, 0.5));
        Assert.Equal("stepSize", e.ParamName);
        Assert.Contains("expected stepSize > 0, got 0", e.Message);
    }

    [Fact]
    public void ToString_ListsArguments() => Assert.Equal("Step(stepSize: 3, gamma: 0.5)", new Step(3, 0.5).ToString());
}
