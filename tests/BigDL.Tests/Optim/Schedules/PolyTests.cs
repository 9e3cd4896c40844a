using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class PolyTests
{
    [Fact]
    public void Rates_FallToZeroAtMaxIteration()
        // 0.1·(1 − n/4)² for n = 0…4: 0.1, 0.05625, 0.025, 0.00625, 0; and 0 after.
        => AssertRates([0.1, 0.05625, 0.025, 0.00625, 0, 0], Rates(new Poly(2, 4), 6));

    [Fact]
    public void Constructor_NonPositiveMaxIteration_Throws()
        => Assert.Equal("maxIteration", Assert.Throws<ArgumentOutOfRangeException>(() => new Poly(2, 0)).ParamName);

    [Fact]
    public void ToString_ListsArguments() => Assert.Equal("Poly(power: 2, maxIteration: 4)", new Poly(2, 4).ToString());
}
