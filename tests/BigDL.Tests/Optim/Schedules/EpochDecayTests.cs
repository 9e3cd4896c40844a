using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class EpochDecayTests
{
    [Fact]
    public void Rates_AreLearningRateTimesTenthToTheDecayOfTheEpoch()
        // decayFn(epoch) = epoch − 1, two iterations per epoch: 0.1·0.1^(epoch − 1).
        => AssertRates([0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1, 0.1 * Math.Pow(0.1, 2)], Rates(new EpochDecay(epoch => epoch - 1), 5, iterationsPerEpoch: 2));

    [Fact]
    public void Constructor_NullFunction_Throws() => Assert.Throws<ArgumentNullException>(() => new EpochDecay(null!));
}
