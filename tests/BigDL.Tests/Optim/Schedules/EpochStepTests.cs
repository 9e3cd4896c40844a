using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class EpochStepTests
{
    [Fact]
    public void Rates_HalveEveryTwoEpochs()
        // Three iterations per epoch: epochs 1, 1, 1, 2, 2, 2, 3, 3, 3, 4 and rates 0.1·0.5^⌊epoch/2⌋.
        => AssertRates([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025], Rates(new EpochStep(2, 0.5), 10, iterationsPerEpoch: 3));

    [Fact]
    public void Constructor_NonPositiveStepSize_Throws()
        => Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochStep(-1, 0.5)).ParamName);

    [Fact]
    public void ToString_ListsArguments() => Assert.Equal("EpochStep(stepSize: 2, gamma: 0.5)", new EpochStep(2, 0.5).ToString());
}
