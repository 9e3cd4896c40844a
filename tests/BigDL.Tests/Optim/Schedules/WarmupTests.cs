using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class WarmupTests
{
    [Fact]
    public void Rates_GrowByDeltaEachIteration()
        // 0.1 + 0.05n for n = 0…3.
        => AssertRates([0.1, 0.1 + 0.05, 0.1 + 0.1, 0.1 + 0.05 * 3], Rates(new Warmup(0.05), 4));

    [Fact]
    public void Constructor_NonFiniteDelta_Throws()
        => Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new Warmup(double.NaN)).ParamName);

    [Fact]
    public void ToString_ListsArguments() => Assert.Equal("Warmup(delta: 0.05)", new Warmup(0.05).ToString());
}
